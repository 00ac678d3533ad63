/// Decodes a dossier straight from the YAML parser's events, without building a
/// `Document` first: the fast path of every `audit`, `gate` and `score`.
///
/// It accepts only what `DossierDecoder` accepts, through the same checks
/// (`scalarFact`, `isValidIdentifier`, `finish`), and it explains nothing: at the first
/// thing `DossierDecoder` would report, and at YAML features dossiers have no use for
/// (`x-` keys, anchors, aliases, tags), it gives up and the caller loads the file the
/// full way, which reports every problem at its place. A dossier it does accept is the
/// one `DossierDecoder` would build; the differential tests hold the two to that.
///
/// Building the document and walking it had cost more than libyaml's own parse: a
/// record per node, a string per scalar, and a reference-count round trip on the
/// document for every node visited.
public struct DossierEventDecoder {
    /// What a mapping or sequence being read holds.
    private enum Context {
        /// Outside the root mapping.
        case document
        case top
        case group(Int)
        case sources
        case source
        case tags
        case citations
        case citationIDs
        case factList(slot: Int)
    }

    /// What a key of the innermost mapping named, until its value arrives.
    private enum PendingKey {
        case reserved(DossierDecoder.ReservedKey)
        case fact(Int)
        case group(Int)
        case sourceField(SourceField)
        /// A citation, whose path is in `citationKey`.
        case citation
    }

    /// An open mapping or sequence. Plain data only, so that reading and updating the
    /// innermost one for every event copies nothing that is reference counted: lists,
    /// ids and source fields being read live in the decoder, since dossiers never nest
    /// one inside another.
    private struct Frame {
        var context: Context
        var start: SourcePosition
        var pending: PendingKey?
        /// Reserved keys or source fields seen in this mapping, a bit each.
        var seenBits: UInt64 = 0
        /// Where this mapping's schema members start in `seenMembers`.
        var seenStart: Int

        static let document = Frame(context: .document, start: .start, seenStart: 0)
    }

    /// A scalar as the parser resolved it: plain data, or text.
    public enum Scalar {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case text
    }

    /// The fields a source may have; the raw value is the field's bit in `Frame.seenBits`.
    private enum SourceField: Int, CaseIterable {
        case id, title, url, publisher, date, accessed, note

        /// The key as written. Spelt out: interpolating the case (`"\(field)"`) found its
        /// name by reflection: a million instructions (callgrind) on every start-up.
        var key: String {
            switch self {
            case .id: "id"
            case .title: "title"
            case .url: "url"
            case .publisher: "publisher"
            case .date: "date"
            case .accessed: "accessed"
            case .note: "note"
            }
        }
    }

    private static let sourceFields: ByteKeyTable<SourceField> = {
        var table = ByteKeyTable<SourceField>()
        for field in SourceField.allCases { table.set(field.key, to: field) }
        return table
    }()

    private let decoder: DossierDecoder
    private let file: String
    private var state: DossierDecoder.State
    /// The innermost open collection, and the ones around it, outermost first.
    private var top = Frame.document
    private var outer: [Frame] = []
    /// Schema members seen by every open mapping (a fact's slot, a group as `-1 - id`).
    private var seenMembers: [Int] = []
    private var seenCitations: [String] = []
    private var citationKey = ""
    private var citationKeyRange = SourceRange.fileStart
    private var citationIDs: [(id: String, range: SourceRange)] = []
    /// The items of the list fact being read, and their type.
    private var listValues: [Value] = []
    private var listItem = InputType.string
    private var source: (id: String?, title: String?, url: String?, publisher: String?, date: String?) = (nil, nil, nil, nil, nil)
    private var seenSourceIDs: Set<String> = []
    private var id: String?
    private var name: String?
    private var idRange: SourceRange?
    private var rootRange: SourceRange?

    public init(decoder: DossierDecoder, file: String) {
        self.decoder = decoder
        self.file = file
        self.state = DossierDecoder.State(slotCount: decoder.schema.count)
        outer.reserveCapacity(8)
        seenMembers.reserveCapacity(32)
    }

    /// Whether the next scalar is a key of the innermost mapping: keys are always text.
    private var expectsKey: Bool {
        guard top.pending == nil else { return false }
        switch top.context {
        case .top, .group, .source, .citations: return true
        case .document, .sources, .tags, .citationIDs, .factList: return false
        }
    }

    // MARK: events; each returns false to give up

    public mutating func openMapping(at start: SourcePosition) -> Bool {
        switch (top.context, top.pending) {
        case (.document, nil) where rootRange == nil: push(.top, at: start)
        case (.top, .reserved(.citations)?): push(.citations, at: start)
        case (.top, .group(let group)?), (.group, .group(let group)?): push(.group(group), at: start)
        case (.sources, nil):
            source = (nil, nil, nil, nil, nil)
            push(.source, at: start)
        default: return false
        }
        return true
    }

    public mutating func openSequence(at start: SourcePosition) -> Bool {
        switch (top.context, top.pending) {
        case (.top, .reserved(.tags)?): push(.tags, at: start)
        case (.top, .reserved(.sources)?): push(.sources, at: start)
        case (.top, .fact(let slot)?), (.group, .fact(let slot)?):
            guard case .list(let item) = decoder.schema.declarations[slot].type else { return false }
            listItem = item
            listValues = []
            push(.factList(slot: slot), at: start)
        case (.citations, .citation?):
            citationIDs = []
            push(.citationIDs, at: start)
        default: return false
        }
        return true
    }

    public mutating func close(at end: SourcePosition) -> Bool {
        guard top.pending == nil, let enclosing = outer.popLast() else { return false }
        let frame = top
        top = enclosing
        seenMembers.removeSubrange(frame.seenStart...)
        let range = SourceRange(start: frame.start, end: end)
        switch frame.context {
        case .document:
            return false
        case .top:
            rootRange = range
            return true
        case .group, .citations, .sources:
            break
        case .tags:
            break
        case .source:
            // A source needs an id and a title or url, and ids are unique.
            guard let id = source.id, source.title != nil || source.url != nil, seenSourceIDs.insert(id).inserted else {
                return false
            }
            state.sources.append(Source(id: id, title: source.title, url: source.url, date: source.date, publisher: source.publisher))
        case .citationIDs:
            state.citations.append(DossierDecoder.Citation(key: citationKey, keyRange: citationKeyRange, ids: citationIDs))
        case .factList(let slot):
            state.facts.set(Fact(value: .list(listValues), range: range), at: slot)
        }
        top.pending = nil
        return true
    }

    /// A scalar of `bytes`. A plain one that is not a key is resolved by `resolve`, the
    /// YAML core schema as the loader applies it; nil from it means giving up. (A closure
    /// rather than a question to the caller first: asking copied this whole decoder
    /// across the module boundary for every scalar.)
    public mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, range: SourceRange,
                                resolve: (UnsafeBufferPointer<UInt8>) -> Scalar?) -> Bool {
        if expectsKey { return key(bytes, range: range) }
        guard let scalar = plain ? resolve(bytes) : .text else { return false }
        switch top.context {
        case .tags:
            guard case .text = scalar else { return false }
            state.tags.append(String(decoding: bytes, as: UTF8.self))
            return true
        case .citationIDs:
            guard case .text = scalar else { return false }
            citationIDs.append((String(decoding: bytes, as: UTF8.self), range))
            return true
        case .factList(let slot):
            if case .null = scalar { return false }
            guard let value = fact(bytes, scalar, type: listItem, slot: slot) else { return false }
            listValues.append(value)
            return true
        case .document, .sources:
            return false
        case .top, .group, .source, .citations:
            guard let pending = top.pending else { return false }
            top.pending = nil
            return value(bytes, scalar, range: range, for: pending)
        }
    }

    /// The dossier, or nil when it is not complete or `DossierDecoder` would report
    /// something about it.
    public mutating func finish() -> Dossier? {
        guard outer.isEmpty, let rootRange, let id, let name, let idRange else { return nil }
        var problems = DiagnosticCollector(file: file, domain: "dossier")
        let dossier = decoder.finish(state, file: file, id: id, name: name, range: rootRange, idRange: idRange,
                                     into: &problems)
        return problems.hasErrors ? nil : dossier
    }

    // MARK: keys and values

    private mutating func push(_ context: Context, at start: SourcePosition) {
        outer.append(top)
        top = Frame(context: context, start: start, seenStart: seenMembers.count)
    }

    private mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, range: SourceRange) -> Bool {
        if DossierDecoder.isExtension(bytes) { return false }
        switch top.context {
        case .top:
            if let reserved = DossierDecoder.reservedKeyTable.value(for: bytes) {
                guard markSeen(bit: reserved.bit) else { return false }
                top.pending = .reserved(reserved)
            } else {
                guard let member = decoder.schema.member(bytes, in: 0), markSeen(member) else { return false }
                top.pending = Self.pending(for: member)
            }
        case .group(let group):
            guard let member = decoder.schema.member(bytes, in: group), markSeen(member) else { return false }
            top.pending = Self.pending(for: member)
        case .source:
            guard let field = Self.sourceFields.value(for: bytes), markSeen(bit: field.rawValue) else { return false }
            top.pending = .sourceField(field)
        case .citations:
            let key = String(decoding: bytes, as: UTF8.self)
            guard !seenCitations.contains(key) else { return false }
            seenCitations.append(key)
            citationKey = key
            citationKeyRange = range
            top.pending = .citation
        case .document, .sources, .tags, .citationIDs, .factList:
            return false
        }
        return true
    }

    private static func pending(for member: InputSchema.Member) -> PendingKey {
        switch member {
        case .fact(let slot): .fact(slot)
        case .group(let group): .group(group)
        }
    }

    /// Records a key of the innermost mapping; false when it was seen before.
    private mutating func markSeen(bit: Int) -> Bool {
        let mask: UInt64 = 1 << UInt64(bit)
        guard top.seenBits & mask == 0 else { return false }
        top.seenBits |= mask
        return true
    }

    private mutating func markSeen(_ member: InputSchema.Member) -> Bool {
        let code = switch member {
        case .fact(let slot): slot
        case .group(let group): -1 - group
        }
        guard !seenMembers[top.seenStart...].contains(code) else { return false }
        seenMembers.append(code)
        return true
    }

    private mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ scalar: Scalar, range: SourceRange,
                                for pending: PendingKey) -> Bool {
        switch pending {
        case .fact(let slot):
            if case .null = scalar { return true }  // stated as unknown
            guard let value = fact(bytes, scalar, type: nil, slot: slot) else { return false }
            state.facts.set(Fact(value: value, range: range), at: slot)
            return true
        case .group:
            if case .null = scalar { return true }  // an empty group
            return false
        case .reserved(let reserved):
            return reservedValue(bytes, scalar, range: range, for: reserved)
        case .sourceField(let field):
            return sourceField(field, bytes, scalar)
        case .citation:
            guard case .text = scalar else { return false }
            state.citations.append(DossierDecoder.Citation(key: citationKey, keyRange: citationKeyRange,
                                                           ids: [(String(decoding: bytes, as: UTF8.self), range)]))
            return true
        }
    }

    private mutating func reservedValue(_ bytes: UnsafeBufferPointer<UInt8>, _ scalar: Scalar, range: SourceRange,
                                        for reserved: DossierDecoder.ReservedKey) -> Bool {
        let isNull = if case .null = scalar { true } else { false }
        let text: String? = if case .text = scalar { String(decoding: bytes, as: UTF8.self) } else { nil }
        // Every reserved field may be null except the identity, and text where set.
        guard isNull || text != nil else { return false }
        switch reserved {
        case .id:
            guard let text, DossierDecoder.isValidIdentifier(text) else { return false }
            id = text
            idRange = range
        case .name:
            guard let text, !text.isEmpty else { return false }
            name = text
        case .country:
            guard let code = text else { return true }
            guard CountryCode.isValid(code) else { return false }
            state.country = code
            if let slot = decoder.schema.slot(of: "country") {
                state.facts.set(Fact(value: .string(code), range: range), at: slot)
            }
        case .description:
            state.description = text?.trimmed
        case .notes:
            break
        case .tags, .sources, .citations:
            // Lists and mappings; null leaves them empty.
            return isNull
        }
        return true
    }

    private mutating func sourceField(_ field: SourceField, _ bytes: UnsafeBufferPointer<UInt8>, _ scalar: Scalar) -> Bool {
        // accessed and note are read and ignored, whatever scalar they hold.
        if field == .accessed || field == .note { return true }
        if case .null = scalar { return field != .id }  // the id is required
        guard case .text = scalar else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        switch field {
        case .id:
            guard !text.isEmpty else { return false }
            source.id = text
        case .title: source.title = text
        case .url: source.url = text
        case .publisher: source.publisher = text
        case .date:
            guard CivilDate(text) != nil else { return false }
            source.date = text
        case .accessed, .note:
            break
        }
        return true
    }

    /// The value of a fact, or of an item of a list fact when `type` (the item type) is
    /// given: an enumeration value matched by its bytes, anything else through `scalarFact`.
    private func fact(_ bytes: UnsafeBufferPointer<UInt8>, _ scalar: Scalar, type: InputType?, slot: Int) -> Value? {
        if case .text = scalar, let value = decoder.schema.enumerationValue(bytes, slot: slot, item: type != nil) { return value }
        return decoder.scalarFact(Self.nodeValue(bytes, scalar), type: type ?? decoder.schema.declarations[slot].type, slot: slot)
    }

    private static func nodeValue(_ bytes: UnsafeBufferPointer<UInt8>, _ scalar: Scalar) -> Node.Value {
        switch scalar {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .float(let number): .float(number)
        case .text: .string(String(decoding: bytes, as: UTF8.self))
        }
    }
}

private extension DossierDecoder.ReservedKey {
    /// A bit per reserved key, for duplicate checks.
    var bit: Int { Self.allCases.firstIndex(of: self)! }
}
