/// Checks a loaded YAML document against the dossier schema and builds a `Dossier`.
///
/// Every problem in the file is reported together, each at its own line and column:
/// unknown keys (with a suggestion), wrong types, values out of range or outside an
/// enum, malformed dates and country codes, and citations that point nowhere.
package struct DossierDecoder: Sendable {
    package static let reservedKeys = ReservedKey.allCases.map(\.rawValue)

    package let schema: InputSchema

    package init(schema: InputSchema) {
        self.schema = schema
    }

    package func decode(_ document: Document) -> Result<Dossier, DiagnosticError> {
        var problems = DiagnosticCollector(file: document.file, domain: "dossier")
        let dossier = decode(document.root, file: document.file, requireIdentity: true, into: &problems)
        if problems.hasErrors || dossier == nil {
            return .failure(DiagnosticError(problems.diagnostics))
        }
        return .success(dossier!)
    }

    /// Decodes a bag of facts without identity, as written in a rule's examples.
    package func decodeFacts(_ node: Node, file: String, label: String) -> Result<Dossier, DiagnosticError> {
        var problems = DiagnosticCollector(file: file, domain: "dossier")
        let dossier = decode(node, file: file, requireIdentity: false, into: &problems, label: label)
        if problems.hasErrors || dossier == nil { return .failure(DiagnosticError(problems.diagnostics)) }
        return .success(dossier!)
    }

    private func decode(_ root: Node, file: String, requireIdentity: Bool,
                        into problems: inout DiagnosticCollector, label: String = "") -> Dossier? {
        if root.isNull && requireIdentity {
            problems.error("empty", "the dossier is empty", at: root.range,
                           notes: [.hint("start from `arbiter init` for a template")])
            return nil
        }
        guard let entries = root.entries else {
            problems.error("not-a-mapping", "a dossier must be a mapping of fields, found \(root.kindDescription)",
                           at: root.range, notes: [.hint("start from `arbiter init` for a template")])
            return nil
        }
        var state = State(slotCount: schema.count)
        var citationsEntry: Node.Entry?
        var searchedEntry: Node.Entry?
        var seenIdentity: (id: String?, name: String?) = (nil, nil)

        for entry in entries {
            var isExtension = false
            let reserved = entry.withKeyBytes { key -> ReservedKey? in
                isExtension = Self.isExtension(key)
                return requireIdentity && !isExtension ? Self.reservedKeyTable.value(for: key) : nil
            }
            if isExtension { continue }
            switch reserved {
            case .id?:
                seenIdentity.id = identifier(entry, into: &problems)
                continue
            case .name?:
                seenIdentity.name = text(entry, into: &problems)
                if entry.value.isNull || seenIdentity.name?.isEmpty == true {
                    problems.error("missing-field", "'name' must not be empty", at: entry.value.range,
                                   notes: [.hint("give the project's name, such as `Safe City, Belgrade`")])
                }
                continue
            case .country?:
                if let code = text(entry, into: &problems) {
                    if CountryCode.isValid(code) {
                        state.country = code
                        if let slot = schema.slot(of: "country") { state.facts.set(Fact(value: .string(code), range: entry.value.range), at: slot) }
                    } else {
                        invalidCountry(code, entry.value, into: &problems)
                    }
                }
                continue
            case .description?:
                state.description = text(entry, into: &problems)?.trimmed
                continue
            case .notes?:
                _ = text(entry, into: &problems)
                continue
            case .tags?:
                state.tags = strings(entry, into: &problems)
                continue
            case .sources?:
                state.sources = sources(entry.value, into: &problems)
                continue
            case .citations?:
                citationsEntry = entry
                continue
            case .searched?:
                searchedEntry = entry
                continue
            case nil:
                break
            }
            field(entry, group: 0, into: &state, problems: &problems)
        }

        if requireIdentity {
            if seenIdentity.id == nil && !entries.contains(where: { $0.hasKey("id") }) {
                problems.error("missing-field", "a dossier needs an 'id'", at: SourceRange(at: root.range.start),
                               notes: [.hint("add a line such as `id: rs-belgrade-safe-city`")])
            }
            if seenIdentity.name == nil && !entries.contains(where: { $0.hasKey("name") }) {
                problems.error("missing-field", "a dossier needs a 'name'", at: SourceRange(at: root.range.start),
                               notes: [.hint("add a line such as `name: Safe City, Belgrade`")])
            }
        }
        state.citations = citationList(citationsEntry, into: &problems)
        state.searches = searches(searchedEntry, state: state, into: &problems)
        return finish(state, file: file, id: seenIdentity.id ?? label, name: seenIdentity.name ?? label, range: root.range,
                      idRange: entries.first { $0.hasKey("id") }?.value.range ?? SourceRange(at: root.range.start),
                      into: &problems)
    }

    /// The dossier from what was read: citations checked and spread over the facts they
    /// cover.
    private func finish(_ state: State, file: String, id: String, name: String, range: SourceRange, idRange: SourceRange,
                into problems: inout DiagnosticCollector) -> Dossier {
        let cited = spread(state.citations, over: state, into: &problems)
        return Dossier(file: file, id: id, name: name, country: state.country, description: state.description,
                       tags: state.tags, sources: state.sources, facts: state.facts, citedSources: cited,
                       searches: state.searches, range: range, idRange: idRange)
    }

    /// The top-level keys of a dossier that are not facts of a pack.
    enum ReservedKey: String, CaseIterable, Sendable {
        case id, name, country, description, notes, tags, sources, citations, searched
    }

    static let reservedKeyTable: ByteKeyTable<ReservedKey> = {
        var table = ByteKeyTable<ReservedKey>()
        for key in ReservedKey.allCases { table.set(key.rawValue, to: key) }
        return table
    }()

    /// What a dossier says, as read so far.
    struct State {
        var facts: SlotTable<Fact>
        var country: String?
        var description: String?
        var tags: [String] = []
        var sources: [Source] = []
        var citations: [Citation] = []
        var searches: [Search] = []

        init(slotCount: Int) {
            facts = SlotTable(count: slotCount)
        }
    }

    // MARK: facts

    private func field(_ entry: Node.Entry, group: Int, into state: inout State, problems: inout DiagnosticCollector) {
        switch entry.withKeyBytes({ schema.member($0, in: group) }) {
        case .fact(let slot)?:
            // Fields are read from the schema where needed: copying the whole declaration
            // retained half a dozen strings for every fact of every dossier.
            if let value = factValue(entry.value, type: schema.declarations[slot].type, slot: slot, into: &problems) {
                state.facts.set(Fact(value: value, range: entry.value.range), at: slot)
            }
        case .group(let child)?:
            if entry.value.isNull { return }  // an empty group leaves its facts unknown
            guard let children = entry.value.entries else {
                let path = schema.path(ofGroup: child)
                problems.error("wrong-type", "'\(path)' is a group of facts and must be a mapping, found \(entry.value.kindDescription)",
                               at: entry.value.range,
                               notes: [.hint("facts under it: \(schema.names(under: path).joined(separator: ", "))")])
                return
            }
            for nested in children where !nested.withKeyBytes(Self.isExtension) {
                field(nested, group: child, into: &state, problems: &problems)
            }
        case nil:
            unknownField(entry, group: schema.path(ofGroup: group), into: &problems)
        }
    }

    /// Keys starting with `x-` are the analyst's own and ignored.
    static func isExtension(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count >= 2 && key[0] == UInt8(ascii: "x") && key[1] == UInt8(ascii: "-")
    }

    private func unknownField(_ entry: Node.Entry, group: String, into problems: inout DiagnosticCollector) {
        let place = group.isEmpty ? "at the top level" : "in '\(group)'"
        // The hints are worked out only for a problem that will be shown.
        problems.error("unknown-field", "unknown field '\(entry.key)' \(place)", at: entry.keyRange,
                       notes: unknownFieldHints(entry.key, group: group))
    }

    /// Where an unknown key was probably meant to go.
    private func unknownFieldHints(_ key: String, group: String) -> [Diagnostic.Note] {
        let path = group.isEmpty ? key : group + "." + key
        var candidates = schema.names(under: group)
        if group.isEmpty { candidates += Self.reservedKeys }
        var notes = Spelling.hint(for: key, among: candidates)
        // A fact written one level off: `cameras:` at the top for `surveillance.cameras`.
        if notes.isEmpty {
            let homes = schema.paths(named: key).filter { $0 != path }
            if !homes.isEmpty {
                notes = [.hint("'\(key)' belongs at " + homes.map { "'\($0)'" }.joined(separator: " or "))]
            }
        }
        if notes.isEmpty, let elsewhere = schema.closestPath(to: path) {
            notes = [.hint("did you mean '\(elsewhere)'?")]
        }
        if notes.isEmpty && group.isEmpty {
            notes = [.hint("keys starting with 'x-' are free-form and ignored")]
        }
        return notes
    }

    /// The value `node` gives the fact at `slot`, checked as a dossier's would be (type,
    /// bounds, declared values), for facts set outside a dossier: `--set` options and
    /// mitigations' `set:`. Null is refused: such a change names a value.
    package func value(of node: Node, forSlot slot: Int, file: String) -> Result<Value, DiagnosticError> {
        var problems = DiagnosticCollector(file: file, domain: "dossier")
        if node.isNull {
            problems.error("missing-value", "'\(schema.declarations[slot].path)' needs a value here", at: node.range,
                           notes: [.hint("to make a fact unknown, leave it out (or use --unset)")])
            return .failure(DiagnosticError(problems.diagnostics))
        }
        guard let value = factValue(node, type: schema.declarations[slot].type, slot: slot, into: &problems), !problems.hasErrors else {
            return .failure(DiagnosticError(problems.diagnostics))
        }
        return .success(value)
    }

    private func factValue(_ node: Node, type: InputType, slot: Int,
                           into problems: inout DiagnosticCollector) -> Value? {
        if node.isNull { return nil }
        if case .list(let itemType) = type {
            guard let items = node.items else {
                let example = node.string.map { "write a list even for one item: [\($0)]" }
                return wrong(node, slot: slot, expected: "a list", hint: example, into: &problems)
            }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            var ok = true
            for item in items {
                if item.isNull {
                    problems.error("wrong-type", "items of '\(schema.declarations[slot].path)' must not be null", at: item.range)
                    ok = false
                } else if let value = factValue(item, type: itemType, slot: slot, into: &problems) {
                    values.append(value)
                } else {
                    ok = false
                }
            }
            return ok ? .list(values) : nil
        }
        let scalar = node.value
        if let value = scalarFact(scalar, type: type, slot: slot) { return value }
        explainRejection(of: scalar, node: node, type: type, slot: slot, into: &problems)
        return nil
    }

    /// The value of a fact of `type` written as `scalar`, or nil when `scalar` is not a
    /// valid one: the one definition of what a dossier may state, used by both decoders.
    func scalarFact(_ scalar: Node.Value, type: InputType, slot: Int) -> Value? {
        switch (type, scalar) {
        case (.bool, .bool(let flag)):
            return .bool(flag)
        case (.int, .int(let number)):
            return isInBounds(Double(number), slot: slot) ? .int(number) : nil
        case (.number, .int(let whole)):
            return isInBounds(Double(whole), slot: slot) ? .number(Double(whole)) : nil
        case (.number, .float(let real)):
            return real.isFinite && isInBounds(real, slot: slot) ? .number(real) : nil
        case (.string, .string(let text)):
            return .string(text)
        case (.date, .string(let text)):
            return CivilDate(text) != nil ? .string(text) : nil
        case (.country, .string(let code)):
            return CountryCode.isValid(code) ? .string(code) : nil
        case (.enumeration(let values), .string(let text)):
            return values.contains(text) ? .string(text) : nil
        default:
            return nil
        }
    }

    private func isInBounds(_ number: Double, slot: Int) -> Bool {
        (schema.declarations[slot].minimum.map { number >= $0 } ?? true)
            && (schema.declarations[slot].maximum.map { number <= $0 } ?? true)
    }

    /// Reports why `scalarFact` turned `scalar` down.
    private func explainRejection(of scalar: Node.Value, node: Node, type: InputType, slot: Int,
                                  into problems: inout DiagnosticCollector) {
        let path = schema.declarations[slot].path
        switch (type, scalar) {
        case (.bool, _):
            _ = wrong(node, slot: slot, expected: "true or false", hint: node.string.map { ["yes", "no", "on", "off"].contains($0.lowercased()) } == true
                      ? "YAML 1.2 reads yes/no/on/off as text; write true or false" : nil, into: &problems)
        case (.int, .int(let number)):
            reportOutOfBounds(Double(number), node: node, slot: slot, into: &problems)
        case (.int, _):
            _ = wrong(node, slot: slot, expected: "a whole number", hint: numberHint(node, slot: slot), into: &problems)
        case (.number, .int(let whole)):
            reportOutOfBounds(Double(whole), node: node, slot: slot, into: &problems)
        case (.number, .float(let real)) where real.isFinite:
            reportOutOfBounds(real, node: node, slot: slot, into: &problems)
        case (.number, _):
            _ = wrong(node, slot: slot, expected: "a finite number", hint: numberHint(node, slot: slot), into: &problems)
        case (.string, _):
            _ = wrong(node, slot: slot, expected: "text", hint: "put the value in quotes", into: &problems)
        case (.date, .string(let text)):
            problems.error("invalid-date", "'\(text)' is not a valid date for '\(path)'", at: node.range,
                           notes: [.hint("write dates as YYYY-MM-DD, for example 2019-03-29")])
        case (.date, _):
            _ = wrong(node, slot: slot, expected: "a date (YYYY-MM-DD)", into: &problems)
        case (.country, .string(let code)):
            invalidCountry(code, node, into: &problems)
        case (.country, _):
            _ = wrong(node, slot: slot, expected: "a country code", into: &problems)
        case (.enumeration(let values), .string(let text)):
            problems.error("invalid-enum", "'\(text)' is not a valid value for '\(path)'", at: node.range,
                           notes: Spelling.hint(for: text, among: values) + [.hint("expected one of: \(values.joined(separator: ", "))")])
        case (.enumeration(let values), _):
            _ = wrong(node, slot: slot, expected: "one of \(values.joined(separator: ", "))", into: &problems)
        case (.list, _):
            break
        }
    }

    /// What to write instead of a number given with a unit, a percent sign or a
    /// thousands separator ("210m", "2%", "1,200").
    private func numberHint(_ node: Node, slot: Int) -> String? {
        guard let text = node.string?.trimmed, !text.isEmpty else { return nil }
        let unit = schema.declarations[slot].unit.map { " (the unit, \($0), is implied)" } ?? ""
        if text.hasSuffix("%") { return "write the number without the percent sign, such as \(text.dropLast())\(unit)" }
        if text.contains(",") { return "write the number without thousands separators, such as \(text.replacing(",", with: ""))" }
        let multipliers: [(String, String)] = [("bn", "000000000"), ("b", "000000000"), ("m", "000000"), ("k", "000")]
        for (suffix, zeros) in multipliers where text.lowercased().hasSuffix(suffix) {
            let digits = String(text.dropLast(suffix.count)).trimmed
            if !digits.isEmpty, digits.allSatisfy({ $0.isNumber }) { return "write the whole number, such as \(digits)\(zeros)\(unit)" }
        }
        if text.first?.isNumber == true { return "write the number alone\(unit)" }
        return nil
    }

    private func wrong(_ node: Node, slot: Int, expected: String, hint: String? = nil,
                       into problems: inout DiagnosticCollector) -> Value? {
        problems.error("wrong-type", "'\(schema.declarations[slot].path)' must be \(expected), found \(node.kindDescription)",
                       at: node.range, notes: hint.map { [.hint($0)] } ?? [])
        return nil
    }

    private func reportOutOfBounds(_ number: Double, node: Node, slot: Int, into problems: inout DiagnosticCollector) {
        let declaration = schema.declarations[slot]
        let unit = declaration.unit.map { " \($0)" } ?? ""
        if let minimum = declaration.minimum, number < minimum {
            problems.error("out-of-range", "'\(declaration.path)' is \(Value.format(number)), below the minimum of \(Value.format(minimum))\(unit)",
                           at: node.range)
        } else if let maximum = declaration.maximum {
            problems.error("out-of-range", "'\(declaration.path)' is \(Value.format(number)), above the maximum of \(Value.format(maximum))\(unit)",
                           at: node.range)
        }
    }

    private func invalidCountry(_ code: String, _ node: Node, into problems: inout DiagnosticCollector) {
        let hint: String
        if code == "UK" {
            hint = "the ISO 3166-1 code of the United Kingdom is GB"
        } else if let known = CountryNames.code(for: code) {
            hint = code.count == 2 ? "country codes are written in capitals: \(known)" : "the ISO 3166-1 code of \(code) is \(known)"
        } else {
            hint = "use an ISO 3166-1 alpha-2 code in capitals, such as RS or KE"
        }
        problems.error("invalid-country", "'\(code)' is not an ISO 3166-1 alpha-2 country code", at: node.range,
                       notes: [.hint(hint)])
    }

    // MARK: reserved fields

    private func text(_ entry: Node.Entry, into problems: inout DiagnosticCollector) -> String? {
        if entry.value.isNull { return nil }
        guard case .string(let text) = entry.value.value else {
            problems.error("wrong-type", "'\(entry.key)' must be text, found \(entry.value.kindDescription)", at: entry.value.range,
                           notes: [.hint("put the value in quotes")])
            return nil
        }
        return text
    }

    private func identifier(_ entry: Node.Entry, into problems: inout DiagnosticCollector) -> String? {
        guard let id = text(entry, into: &problems), !id.isEmpty else {
            if entry.value.isNull || entry.value.string == "" {
                problems.error("missing-field", "'id' must not be empty", at: entry.value.range,
                               notes: [.hint("use a short unique id such as rs-belgrade-safe-city")])
            }
            return nil
        }
        guard Self.isValidIdentifier(id) else {
            problems.error("invalid-id", "'\(id)' is not a valid id", at: entry.value.range,
                           notes: [.hint("use \(Self.identifierRule)")])
            return nil
        }
        return id
    }

    /// What `isValidIdentifier` accepts, in words, for every message that states the rule.
    package static let identifierRule = "letters, digits, '-', '_' and '.' (at most 128), such as rs-belgrade-safe-city"

    /// Letters, digits, '-', '_' and '.', at most 128 of them.
    package static func isValidIdentifier(_ id: String) -> Bool {
        var count = 0
        for byte in id.utf8 {
            count += 1
            let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            if !allowed || count > 128 { return false }
        }
        return count > 0
    }

    private func strings(_ entry: Node.Entry, into problems: inout DiagnosticCollector) -> [String] {
        if entry.value.isNull { return [] }
        guard let items = entry.value.items else {
            problems.error("wrong-type", "'\(entry.key)' must be a list, found \(entry.value.kindDescription)", at: entry.value.range)
            return []
        }
        return items.compactMap { item in
            guard case .string(let text) = item.value else {
                problems.error("wrong-type", "items of '\(entry.key)' must be text, found \(item.kindDescription)", at: item.range)
                return nil
            }
            return text
        }
    }

    private func sources(_ node: Node, into problems: inout DiagnosticCollector) -> [Source] {
        if node.isNull { return [] }
        guard let items = node.items else {
            problems.error("wrong-type", "'sources' must be a list, found \(node.kindDescription)", at: node.range)
            return []
        }
        var sources: [Source] = []
        var firstRange: [String: SourceRange] = [:]
        for item in items {
            guard var reader = FieldReader(item, context: "a source", into: &problems) else { continue }
            let idNode = reader.take("id")
            let id = reader.string("id", required: true, into: &problems)
            let title = reader.string("title", into: &problems)
            let url = reader.string("url", into: &problems)
            let publisher = reader.string("publisher", into: &problems)
            var date: String?
            if let dateNode = reader.take("date") {
                if case .string(let text) = dateNode.value, CivilDate(text) != nil {
                    date = text
                } else {
                    problems.error("invalid-date", "a source's 'date' must be a date (YYYY-MM-DD)", at: dateNode.range)
                }
            }
            _ = reader.take("accessed")
            _ = reader.take("note")
            if title == nil && url == nil {
                problems.error("missing-field", "a source needs a 'title' or a 'url'", at: item.range)
            }
            reader.reportLeftovers(into: &problems)
            guard let id else { continue }
            if let first = firstRange[id] {
                let file = problems.file
                problems.error("duplicate-source", "source id '\(id)' is listed twice", at: idNode?.range ?? item.range,
                               notes: [.init("first listed here", file: file, range: first)])
                continue
            }
            firstRange[id] = idNode?.range ?? item.range
            sources.append(Source(id: id, title: title, url: url, date: date, publisher: publisher))
        }
        return sources
    }

    /// One entry of `citations`: the fact path or group it names and the source ids it lists.
    struct Citation {
        var key: String
        var keyRange: SourceRange
        var ids: [(id: String, range: SourceRange)]
    }

    /// The entries of `citations` as written, after reporting any that is not a path
    /// mapped to source ids.
    private func citationList(_ entry: Node.Entry?, into problems: inout DiagnosticCollector) -> [Citation] {
        guard let entry, !entry.value.isNull else { return [] }
        guard let entries = entry.value.entries else {
            problems.error("wrong-type", "'citations' must map fact paths to lists of source ids, found \(entry.value.kindDescription)",
                           at: entry.value.range)
            return []
        }
        var list: [Citation] = []
        for citation in entries {
            // The shape of a citation of no known fact goes unreported: `spread` reports
            // the path itself, which is the problem to fix first.
            let namesFacts = !schema.slots(under: citation.key).isEmpty
            var ids: [(id: String, range: SourceRange)] = []
            if case .string(let single) = citation.value.value {
                ids = [(single, citation.value.range)]
            } else if let items = citation.value.items {
                for item in items {
                    if case .string(let id) = item.value {
                        ids.append((id, item.range))
                    } else if namesFacts {
                        problems.error("wrong-type", "a citation lists source ids, found \(item.kindDescription)", at: item.range)
                    }
                }
            } else if namesFacts {
                problems.error("wrong-type", "a citation lists source ids, found \(citation.value.kindDescription)",
                               at: citation.value.range)
            }
            list.append(Citation(key: citation.key, keyRange: citation.keyRange, ids: ids))
        }
        return list
    }

    /// `searched:` — adverse events looked for and not found, each
    /// `path: {on: DATE, sources: [ids], found: none}`. Only a searchable fact may be
    /// searched, and not one the dossier also records; every source must be listed.
    private func searches(_ entry: Node.Entry?, state: State, into problems: inout DiagnosticCollector) -> [Search] {
        guard let entry, !entry.value.isNull else { return [] }
        guard let entries = entry.value.entries else {
            problems.error("wrong-type", "'searched' maps facts to searches, such as `governance.documented_misuse: {on: 2026-10-01, sources: [id], found: none}`",
                           at: entry.value.range)
            return []
        }
        var searches: [Search] = []
        for item in entries {
            guard let slot = schema.slot(of: item.key) else {
                problems.error("unknown-search", "'\(item.key)' is not a fact any loaded pack declares", at: item.keyRange,
                               notes: schema.closestPath(to: item.key).map { [.hint("did you mean '\($0)'?")] } ?? [])
                continue
            }
            guard let validity = schema.declarations[slot].searchValidity else {
                let searchable = schema.declarations.filter { $0.searchValidity != nil }.map(\.path)
                problems.error("not-searchable", "'\(item.key)' is not an adverse event that a search can settle; record it as a fact",
                               at: item.keyRange,
                               notes: [.hint(searchable.isEmpty ? "no loaded fact is searchable" : "searchable facts: \(searchable.joined(separator: ", "))")])
                continue
            }
            if state.facts.isSet(slot) {
                problems.error("searched-and-recorded", "'\(item.key)' is both recorded and searched; keep one", at: item.keyRange,
                               notes: [.hint("a search that found nothing stands for false; remove it if the fact is known")])
                continue
            }
            guard var reader = FieldReader(item.value, context: "the search of '\(item.key)'", into: &problems) else { continue }
            var date: CivilDate?
            if let text = reader.string("on", required: true, into: &problems) {
                date = CivilDate(text)
                if date == nil { problems.error("invalid-date", "'on' must be a date (YYYY-MM-DD), found '\(text)'", at: item.value["on"]!.range) }
            }
            let ids = reader.stringList("sources", into: &problems)
            if ids.isEmpty {
                problems.error("missing-field", "the search of '\(item.key)' names no source searched", at: item.value.range,
                               notes: [.hint("list the ids of the sources searched, from 'sources'")])
            }
            for (id, range) in ids where !state.sources.contains(where: { $0.id == id }) {
                problems.error("unknown-source", "search names source '\(id)', which 'sources' does not list", at: range,
                               notes: Spelling.hint(for: id, among: Set(state.sources.map(\.id)).sorted()))
            }
            if let found = reader.string("found", required: true, into: &problems), found != "none" {
                problems.error("invalid-value", "'found' must be none: a search that found something is a fact to record",
                               at: item.value["found"]!.range, notes: [.hint("record `\(item.key): true` with its sources instead")])
            }
            reader.reportLeftovers(into: &problems)
            if let date, !ids.isEmpty {
                searches.append(Search(slot: slot, path: item.key, on: date, sources: ids.map(\.0), validity: validity, range: item.keyRange))
            }
        }
        return searches
    }

    /// Checks each citation and spreads its sources over the facts it covers. A citation
    /// of a group (`governance.dpia`) covers every fact under it.
    private func spread(_ citations: [Citation], over state: State, into problems: inout DiagnosticCollector) -> SlotTable<[String]> {
        var cited = SlotTable<[String]>(count: schema.count)
        guard !citations.isEmpty else { return cited }
        // A dossier lists a handful of sources: a scan is cheaper than building a set.
        func isKnown(_ id: String) -> Bool { state.sources.contains { $0.id == id } }
        for citation in citations {
            let slots = schema.slots(under: citation.key)
            if slots.isEmpty {
                problems.error("unknown-citation", "'\(citation.key)' is not a fact any loaded pack declares", at: citation.keyRange,
                               notes: schema.closestPath(to: citation.key).map { [.hint("did you mean '\($0)'?")] } ?? [])
                continue
            }
            let setSlots = slots.filter(state.facts.isSet)
            if setSlots.isEmpty {
                problems.error("citation-unset-fact", "citation of '\(citation.key)', which this dossier does not set",
                               at: citation.keyRange, notes: [.hint("set the fact, or remove the citation")])
            }
            for (id, range) in citation.ids where !isKnown(id) {
                problems.error("unknown-source", "citation names source '\(id)', which 'sources' does not list", at: range,
                               notes: Spelling.hint(for: id, among: Set(state.sources.map(\.id)).sorted()))
            }
            let valid = citation.ids.map(\.id).filter(isKnown)
            for slot in setSlots {
                var ids = cited[slot, default: []]
                for id in valid where !ids.contains(id) { ids.append(id) }
                cited.set(ids, at: slot)
            }
        }
        return cited
    }
}
