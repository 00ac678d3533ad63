/// Reads a pack file field by field into a `PackDefinition`, reporting every
/// problem in the file at its own position. Expressions are only collected here;
/// `RuleSetCompiler` checks them once the inputs of every pack are known.
package struct PackDecoder: Sendable {
    package init() {}

    package func decode(_ document: Document, source: SourceText? = nil) -> Result<PackDefinition, DiagnosticError> {
        let (definition, diagnostics) = decodeCollecting(document, source: source)
        if diagnostics.hasErrors || definition == nil { return .failure(DiagnosticError(diagnostics)) }
        return .success(definition!)
    }

    /// Decodes as much of the pack as it can alongside the problems, so the compiler
    /// can still check the rules that did decode and report everything in one pass.
    package func decodeCollecting(_ document: Document, source: SourceText? = nil) -> (PackDefinition?, [Diagnostic]) {
        var problems = DiagnosticCollector(file: document.file, domain: "pack")
        guard var reader = FieldReader(document.root, context: "a rule pack", into: &problems) else {
            return (nil, problems.diagnostics)
        }
        let id = reader.string("pack", required: true, into: &problems)
        if let id, !Self.isIdentifier(id) {
            problems.error("invalid-id", "pack id '\(id)' must be lowercase letters, digits and '-'", at: document.root["pack"]!.range)
        }
        let version = versionText(&reader, into: &problems)
        let title = reader.string("title", required: true, into: &problems) ?? ""
        let description = reader.string("description", into: &problems)?.trimmed ?? ""
        let bands = self.bands(reader.take("bands"), into: &problems)
        let caps = self.caps(reader.take("caps"), into: &problems)
        let floorsNode = reader.take("floors")
        var minimumCompleteness = reader.number("minimum_completeness", into: &problems)
        if let value = minimumCompleteness, !(value > 0 && value < 1) {
            problems.error("invalid-completeness", "'minimum_completeness' must be a share between 0 and 1, such as 0.2",
                           at: document.root["minimum_completeness"]!.range)
            minimumCompleteness = nil
        }
        let references = self.references(reader.take("references"), into: &problems)
        let vocabulary = self.vocabularyReference(reader.take("vocabulary"), into: &problems)
        let inputs = self.inputs(reader.take("inputs"), pack: id ?? "", into: &problems)
        var rules: [RuleDefinition] = []
        if reader.node["rules"]?.isNull ?? true {
            problems.error("missing-field", "a rule pack needs 'rules'", at: SourceRange(at: document.root.range.start))
        }
        for item in reader.list("rules", into: &problems) ?? [] {
            if let rule = self.rule(item, references: references, into: &problems) { rules.append(rule) }
        }
        reader.reportLeftovers(into: &problems)

        var seen: [String: SourceRange] = [:]
        for rule in rules {
            if let first = seen[rule.id] {
                problems.error("duplicate-rule", "rule id '\(rule.id)' is used twice", at: rule.idRange,
                               notes: [.init("first used here", file: document.file, range: first)])
            } else {
                seen[rule.id] = rule.idRange
            }
        }
        let categories = Set(rules.map(\.category))
        for cap in caps where !categories.contains(cap.category) {
            problems.error("unknown-category", "'caps' names category '\(cap.category)', which no rule of this pack has", at: cap.range,
                           notes: Spelling.hint(for: cap.category, among: categories.sorted()))
        }
        let floors = self.floors(floorsNode, positions: Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }),
                                 into: &problems)
        let definition = PackDefinition(file: document.file, id: id ?? document.file, version: version, title: title,
                                        description: description, vocabulary: vocabulary, bands: bands,
                                        caps: Dictionary(caps.map { ($0.category, $0.points) }, uniquingKeysWith: { first, _ in first }), floors: floors,
                                        minimumCompleteness: minimumCompleteness, references: references, inputs: inputs,
                                        rules: rules, source: source)
        return (definition, problems.diagnostics)
    }

    /// `vocabulary: dossier@1` — the shared vocabulary a pack reads, by id and major version.
    private func vocabularyReference(_ node: Node?, into problems: inout DiagnosticCollector) -> PackDefinition.VocabularyReference? {
        guard let node else { return nil }
        if case .string(let text) = node.value, let at = text.lastIndex(of: "@"),
           Self.isIdentifier(String(text[..<at])), let major = Int(text[text.index(after: at)...]), major >= 0 {
            return .init(id: String(text[..<at]), major: major, range: node.range)
        }
        problems.error("invalid-vocabulary", "'vocabulary' names a vocabulary and its major version, such as dossier@1", at: node.range)
        return nil
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private func versionText(_ reader: inout FieldReader, into problems: inout DiagnosticCollector) -> String {
        guard let node = reader.take("version") else {
            problems.error("missing-field", "a rule pack needs a 'version', such as 1.0.0", at: SourceRange(at: reader.node.range.start))
            return ""
        }
        switch node.value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .float(let number): return Value.format(number)
        default:
            problems.error("wrong-type", "'version' must be text such as 1.0.0", at: node.range)
            return ""
        }
    }

    private func bands(_ node: Node?, into problems: inout DiagnosticCollector) -> BandThresholds {
        guard let node else { return BandThresholds() }
        guard var reader = FieldReader(node, context: "'bands'", into: &problems) else { return BandThresholds() }
        let defaults = BandThresholds()
        let moderate = reader.number("moderate", into: &problems) ?? defaults.moderate
        let high = reader.number("high", into: &problems) ?? defaults.high
        let critical = reader.number("critical", into: &problems) ?? defaults.critical
        reader.reportLeftovers(into: &problems)
        if !(0 < moderate && moderate < high && high < critical && critical <= 100_000) {
            problems.error("invalid-bands", "bands are points and must rise strictly: moderate \(Value.format(moderate)), high \(Value.format(high)), critical \(Value.format(critical))",
                           at: node.range, notes: [.hint("for example { moderate: 15, high: 45, critical: 120 }")])
        }
        return BandThresholds(moderate: moderate, high: high, critical: critical)
    }

    /// `caps:` — the most points each named category can add to the pack's score.
    private func caps(_ node: Node?, into problems: inout DiagnosticCollector) -> [(category: String, points: Double, range: SourceRange)] {
        guard let node else { return [] }
        guard let entries = node.entries else {
            problems.error("wrong-type", "'caps' must map categories to the most points each can add, such as {vendor: 12}", at: node.range)
            return []
        }
        var caps: [(category: String, points: Double, range: SourceRange)] = []
        for entry in entries {
            guard let value = FieldReader.finiteNumber(entry.value), value > 0, value <= 100_000 else {
                problems.error("invalid-cap", "the cap of category '\(entry.key)' must be a number of points above 0", at: entry.value.range)
                continue
            }
            caps.append((entry.key, value, entry.keyRange))
        }
        return caps
    }

    /// `floors:` — each `{band, reason, fired: {severity, count} | {rules: [ids], any: [ids]}}`, with
    /// rule ids resolved to their position among the pack's own rules.
    private func floors(_ node: Node?, positions: [String: Int], into problems: inout DiagnosticCollector) -> [BandFloor] {
        guard let node else { return [] }
        guard let items = node.items else {
            problems.error("wrong-type", "'floors' must be a list of { band, reason, fired }, found \(node.kindDescription)", at: node.range)
            return []
        }
        var floors: [BandFloor] = []
        for item in items {
            guard var reader = FieldReader(item, context: "a band floor", into: &problems) else { continue }
            let bandText = reader.string("band", required: true, into: &problems)
            let reason = reader.string("reason", required: true, into: &problems)
            let firedNode = reader.take("fired")
            reader.reportLeftovers(into: &problems)
            var band: Band?
            if let bandText {
                band = Band(rawValue: bandText)
                if band == nil || band == .low {
                    problems.error("invalid-floor", "a floor lifts to moderate, high or critical, found '\(bandText)'", at: item["band"]!.range,
                                   notes: Spelling.hint(for: bandText, among: ["moderate", "high", "critical"]))
                }
            }
            guard let firedNode else {
                problems.error("missing-field", "a band floor needs 'fired': { severity: critical, count: 2 } or { rules: [ID, …] }", at: item.range)
                continue
            }
            guard var fired = FieldReader(firedNode, context: "'fired' of a band floor", into: &problems) else { continue }
            let severityText = fired.string("severity", into: &problems)
            let count = fired.number("count", into: &problems)
            let listed = fired.stringList("rules", into: &problems)
            let alternatives = fired.stringList("any", into: &problems)
            fired.reportLeftovers(into: &problems)
            var trigger: BandFloor.Trigger?
            if let severityText, listed.isEmpty {
                if let severity = Severity(rawValue: severityText) {
                    let whole = Int(exactly: count ?? 1)
                    if let whole, whole >= 1 { trigger = .severity(severity, count: whole) } else {
                        problems.error("invalid-floor", "'count' must be a whole number of rules, 1 or more", at: firedNode["count"]!.range)
                    }
                } else {
                    problems.error("invalid-severity", "unknown severity '\(severityText)'", at: firedNode["severity"]!.range,
                                   notes: Spelling.hint(for: severityText, among: Severity.allCases.map(\.rawValue)))
                }
            } else if severityText == nil, count == nil, !listed.isEmpty || !alternatives.isEmpty {
                for (id, range) in listed + alternatives where positions[id] == nil {
                    problems.error("unknown-rule", "band floor names rule '\(id)', which this pack does not define", at: range,
                                   notes: Spelling.hint(for: id, among: positions.keys.sorted()))
                }
                let resolved = listed.compactMap { positions[$0.0] }
                let anyOf = alternatives.compactMap { positions[$0.0] }
                if resolved.count == listed.count, anyOf.count == alternatives.count {
                    trigger = .rules(positions: resolved, anyOf: anyOf)
                }
            } else {
                problems.error("invalid-floor", "'fired' holds either 'severity' (with an optional 'count') or 'rules' and 'any', not both", at: firedNode.range)
            }
            if let band, band != .low, let reason, let trigger { floors.append(BandFloor(band: band, trigger: trigger, reason: reason)) }
        }
        return floors
    }

    private func references(_ node: Node?, into problems: inout DiagnosticCollector) -> [String: Reference] {
        guard let node else { return [:] }
        guard let entries = node.entries else {
            problems.error("wrong-type", "'references' must map ids to { title, url }, found \(node.kindDescription)", at: node.range)
            return [:]
        }
        var references: [String: Reference] = [:]
        for entry in entries {
            guard var reader = FieldReader(entry.value, context: "reference '\(entry.key)'", into: &problems) else { continue }
            let title = reader.string("title", required: true, into: &problems)
            let url = reader.string("url", required: true, into: &problems)
            let mirror = reader.string("mirror", into: &problems)
            reader.reportLeftovers(into: &problems)
            for (field, value) in [("url", url), ("mirror", mirror)] {
                guard let value, let problem = ReferenceURL.problem(with: value) else { continue }
                problems.error("invalid-url", "reference '\(entry.key)' \(field): \(problem)", at: entry.value[field]!.range,
                               notes: [.hint("cite the official page by its https address on a registered domain name")])
            }
            if let title, let url { references[entry.key] = Reference(id: entry.key, title: title, url: url, mirror: mirror) }
        }
        return references
    }

    // MARK: inputs

    /// Input declarations (`path: {type, doc, …}`), as packs and the vocabulary write them.
    func inputs(_ node: Node?, pack: String, into problems: inout DiagnosticCollector) -> [InputDeclaration] {
        guard let node else { return [] }
        guard let entries = node.entries else {
            problems.error("wrong-type", "'inputs' must map fact paths to declarations, found \(node.kindDescription)", at: node.range)
            return []
        }
        var declarations: [InputDeclaration] = []
        for entry in entries {
            let path = entry.key
            if !Self.isFactPath(path) || DossierDecoder.reservedKeys.contains(path.pathNames.first ?? "") {
                problems.error("invalid-input", "'\(path)' is not a valid fact path", at: entry.keyRange,
                               notes: [.hint("use dotted lowercase names such as surveillance.cameras, outside the reserved keys")])
                continue
            }
            guard var reader = FieldReader(entry.value, context: "input '\(path)'", into: &problems) else { continue }
            let type = inputType(&reader, path: path, into: &problems)
            let minimum = reader.number("min", into: &problems)
            let maximum = reader.number("max", into: &problems)
            let unit = reader.string("unit", into: &problems)
            let doc = reader.string("doc", required: true, into: &problems) ?? ""
            // `searchable: 365`: an adverse event that cannot be proved absent; a dossier's
            // `searched:` entry counts as false for this many days after the search.
            var searchValidity: Int?
            if let node = reader.take("searchable") {
                if case .int(let days) = node.value, days > 0, days <= 36_500 { searchValidity = days } else {
                    problems.error("invalid-input", "'searchable' is the number of days a search stays valid, such as 365", at: node.range)
                }
                if let type, type != .bool {
                    problems.error("invalid-input", "only a bool fact can be searchable: a search finds an event or none", at: node.range)
                }
            }
            reader.reportLeftovers(into: &problems)
            if let minimum, let maximum, minimum > maximum {
                problems.error("invalid-input", "'min' is above 'max' for '\(path)'", at: entry.value.range)
            }
            if minimum != nil || maximum != nil, let type, !Self.isNumeric(type) {
                problems.error("invalid-input", "'min' and 'max' apply only to int and number inputs", at: entry.value.range)
            }
            if let type {
                var declaration = InputDeclaration(path: path, type: type, minimum: minimum, maximum: maximum, unit: unit,
                                                   doc: doc, pack: pack, file: problems.file, range: entry.keyRange)
                declaration.searchValidity = searchValidity
                declarations.append(declaration)
            }
        }
        return declarations
    }

    /// Dotted names of lowercase letters, digits and underscores (`governance.dpia`),
    /// checked on bytes: by characters, this was a sixth of loading the packs. Such a
    /// path never starts with `x-`, the prefix of free-form keys.
    private static func isFactPath(_ path: String) -> Bool {
        var nameLength = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard nameLength > 0 else { return false }
                nameLength = 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                nameLength += 1
            default:
                return false
            }
        }
        return nameLength > 0
    }

    private static func isNumeric(_ type: InputType) -> Bool {
        switch type {
        case .int, .number: true
        case .list(let item): isNumeric(item)
        default: false
        }
    }

    private func inputType(_ reader: inout FieldReader, path: String, into problems: inout DiagnosticCollector) -> InputType? {
        let names = ["bool", "int", "number", "string", "date", "country", "enum", "list"]
        guard let name = reader.string("type", required: true, into: &problems) else { return nil }
        let valuesNode = reader.take("values")
        let itemsNode = reader.take("items")
        func enumeration(_ node: Node?) -> InputType? {
            guard let node, let items = node.items, !items.isEmpty else {
                problems.error("invalid-input", "enum input '\(path)' needs a non-empty 'values' list", at: node?.range ?? reader.node.range)
                return nil
            }
            var values: [String] = []
            for item in items {
                guard case .string(let text) = item.value else {
                    problems.error("wrong-type", "enum values must be text, found \(item.kindDescription)", at: item.range)
                    continue
                }
                if values.contains(text) { problems.error("invalid-input", "enum value '\(text)' is listed twice", at: item.range) }
                values.append(text)
            }
            return .enumeration(values)
        }
        func simple(_ name: String, at range: SourceRange) -> InputType? {
            switch name {
            case "bool": return .bool
            case "int": return .int
            case "number": return .number
            case "string": return .string
            case "date": return .date
            case "country": return .country
            default:
                problems.error("invalid-input", "unknown input type '\(name)'", at: range,
                               notes: Spelling.hint(for: name, among: names) + [.hint("types: \(names.joined(separator: ", "))")])
                return nil
            }
        }
        let typeRange = reader.node["type"]?.range ?? reader.node.range
        switch name {
        case "enum":
            return enumeration(valuesNode)
        case "list":
            guard let itemsNode else {
                problems.error("invalid-input", "list input '\(path)' needs 'items' with the type of its items", at: reader.node.range)
                return nil
            }
            if case .string(let itemName) = itemsNode.value {
                return simple(itemName, at: itemsNode.range).map { .list($0) }
            }
            guard var itemReader = FieldReader(itemsNode, context: "'items' of '\(path)'", into: &problems) else { return nil }
            guard let itemName = itemReader.string("type", required: true, into: &problems) else { return nil }
            let itemValues = itemReader.take("values")
            itemReader.reportLeftovers(into: &problems)
            if itemName == "enum" { return enumeration(itemValues).map { .list($0) } }
            if itemName == "list" {
                problems.error("invalid-input", "lists of lists are not supported", at: itemsNode.range)
                return nil
            }
            return simple(itemName, at: itemsNode.range).map { .list($0) }
        default:
            if valuesNode != nil { problems.error("invalid-input", "'values' applies only to enum inputs", at: valuesNode!.range) }
            return simple(name, at: typeRange)
        }
    }

    // MARK: rules

    private func rule(_ node: Node, references: [String: Reference], into problems: inout DiagnosticCollector) -> RuleDefinition? {
        guard var reader = FieldReader(node, context: "a rule", into: &problems) else { return nil }
        let idNode = reader.take("id")
        guard let id = reader.string("id", required: true, into: &problems) else { return nil }
        reader = FieldReader(node, context: "rule '\(id)'", into: &problems)!
        _ = reader.take("id")
        if !Self.isRuleIdentifier(id) {
            problems.error("invalid-id", "rule id '\(id)' may hold only letters, digits, '-', '_' and '.', such as DA-BIO-001", at: idNode!.range)
        }
        let title = reader.string("title", required: true, into: &problems) ?? ""
        let category = reader.string("category", required: true, into: &problems) ?? ""
        var severity = Severity.medium
        if let text = reader.string("severity", required: true, into: &problems) {
            if let parsed = Severity(rawValue: text) {
                severity = parsed
            } else {
                problems.error("invalid-severity", "unknown severity '\(text)'", at: node["severity"]!.range,
                               notes: Spelling.hint(for: text, among: Severity.allCases.map(\.rawValue))
                                   + [.hint("severities: " + Severity.allCases.map(\.rawValue).joined(separator: ", "))])
            }
        }
        var weight = 1.0
        if let value = reader.number("weight", required: true, into: &problems) {
            if value > 0 && value <= 1_000 { weight = value } else {
                problems.error("invalid-weight", "weight must be above 0 and at most 1000, found \(Value.format(value))", at: node["weight"]!.range)
            }
        }
        var when: ConditionSource?
        if let whenNode = reader.take("when") {
            when = condition(whenNode, depth: 0, into: &problems)
        } else {
            problems.error("missing-field", "rule '\(id)' is missing the required field 'when'", at: node.range)
        }
        let applies = reader.take("applies").flatMap { condition($0, depth: 0, into: &problems) }
        let scale = self.scale(reader.take("scale"), into: &problems)
        let messageNode = reader.take("message")
        // Without a message a finding says what the rule is called.
        let message = reader.string("message", into: &problems) ?? title
        let rationale = reader.string("rationale", into: &problems)?.trimmed ?? ""
        let ruleReferences = reader.stringList("references", into: &problems)
        for (reference, range) in ruleReferences where references[reference] == nil {
            problems.error("unknown-reference", "rule '\(id)' cites reference '\(reference)', which the pack does not define", at: range,
                           notes: Spelling.hint(for: reference, among: references.keys.sorted()))
        }
        if ruleReferences.isEmpty {
            problems.error("missing-reference", "rule '\(id)' cites no reference", at: idNode!.range,
                           notes: [.hint("every rule must rest on a source: add 'references: [id]'")])
        }
        var mitigations: [String] = []
        var mitigationChanges: [Int: Node] = [:]
        for item in reader.list("mitigations", into: &problems) ?? [] {
            // A mitigation is its text, or `{text: …, set: {path: value, …}}` when it is a
            // change of facts the planner can try.
            if case .string(let text) = item.value {
                mitigations.append(text)
                continue
            }
            guard item.entries != nil, var fields = FieldReader(item, context: "a mitigation of '\(id)'", into: &problems) else {
                problems.error("wrong-type", "a mitigation is text, or a mapping with 'text' and 'set', found \(item.kindDescription)", at: item.range)
                continue
            }
            let text = fields.string("text", required: true, into: &problems) ?? ""
            if let changes = fields.take("set") {
                if changes.entries?.isEmpty == false {
                    mitigationChanges[mitigations.count] = changes
                } else {
                    problems.error("wrong-type", "'set' must be a mapping of the facts the mitigation changes, such as {governance.legal_basis: statute}",
                                   at: changes.range)
                }
            }
            fields.reportLeftovers(into: &problems)
            mitigations.append(text)
        }
        var enforceFrom: CivilDate?
        if let dateNode = reader.take("enforce_from") {
            if case .string(let text) = dateNode.value, let date = CivilDate(text) { enforceFrom = date } else {
                problems.error("invalid-date", "'enforce_from' must be a date (YYYY-MM-DD)", at: dateNode.range)
            }
        }
        var fires: [Node] = []
        var passes: [Node] = []
        if let examples = reader.take("examples"), var exampleReader = FieldReader(examples, context: "examples of '\(id)'", into: &problems) {
            for (key, target) in [("fires", 0), ("passes", 1)] {
                guard let list = exampleReader.take(key) else { continue }
                guard let items = list.items else {
                    problems.error("wrong-type", "'\(key)' must be a list of example facts", at: list.range)
                    continue
                }
                if target == 0 { fires = Array(items) } else { passes = Array(items) }
            }
            exampleReader.reportLeftovers(into: &problems)
        }
        reader.reportLeftovers(into: &problems)
        return RuleDefinition(id: id, title: title, category: category, severity: severity, weight: weight, when: when, applies: applies, scale: scale,
                              message: message, messageNode: messageNode, rationale: rationale, references: ruleReferences.map { ($0.0, $0.1) },
                              mitigations: mitigations, mitigationChanges: mitigationChanges, enforceFrom: enforceFrom,
                              fires: fires, passes: passes, range: node.range, idRange: idNode!.range)
    }

    static func isRuleIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    private func condition(_ node: Node, depth: Int, into problems: inout DiagnosticCollector) -> ConditionSource? {
        if depth > 16 {
            problems.error("invalid-condition", "'when' nests all/any/not deeper than 16 levels", at: node.range)
            return nil
        }
        switch node.value {
        case .string(let text):
            return .expression(text, node)
        case .bool(let flag):
            return .expression(flag ? "true" : "false", node)
        case .mapping(let entries):
            guard entries.count == 1, let entry = entries.first else {
                problems.error("invalid-condition", "a condition mapping holds exactly one of all, any or not", at: node.range)
                return nil
            }
            switch entry.key {
            case "all", "any":
                guard let items = entry.value.items, !items.isEmpty else {
                    problems.error("invalid-condition", "'\(entry.key)' needs a non-empty list of conditions", at: entry.value.range)
                    return nil
                }
                let parts = items.compactMap { condition($0, depth: depth + 1, into: &problems) }
                guard parts.count == items.count else { return nil }
                return entry.key == "all" ? .all(parts, node) : .any(parts, node)
            case "not":
                return condition(entry.value, depth: depth + 1, into: &problems).map { .not($0, node) }
            default:
                problems.error("invalid-condition", "unknown condition '\(entry.key)'", at: entry.keyRange,
                               notes: Spelling.hint(for: entry.key, among: ["all", "any", "not"]) + [.hint("use all, any or not")])
                return nil
            }
        default:
            problems.error("invalid-condition", "'when' must be an expression or all/any/not, found \(node.kindDescription)", at: node.range)
            return nil
        }
    }

    private func scale(_ node: Node?, into problems: inout DiagnosticCollector) -> RuleDefinition.ScaleSource? {
        guard let node, var reader = FieldReader(node, context: "'scale'", into: &problems) else { return nil }
        let byNode = reader.take("by")
        let by = reader.string("by", required: true, into: &problems)
        let from = reader.number("from", required: true, into: &problems)
        let to = reader.number("to", required: true, into: &problems)
        reader.reportLeftovers(into: &problems)
        guard let by, let byNode, let from, let to else { return nil }
        if from == to {
            problems.error("invalid-scale", "'from' and 'to' must differ", at: node.range)
            return nil
        }
        return RuleDefinition.ScaleSource(by: by, byNode: byNode, from: from, to: to)
    }
}
