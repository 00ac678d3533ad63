import ArbiterCore
internal import CYAML

/// Loads one YAML document into a `Document` of located nodes, using libyaml's event
/// API directly. This file and `RawEventScanner` (the bench's bare loop) are the only
/// ones that touch the C API.
///
/// Problems in the input come back as diagnostics with stable codes (`yaml.*`); the
/// loader itself never traps on any input.
package struct YAMLLoader: Sendable {
    package var limits: LoaderLimits
    /// Keys starting with this prefix hold free-form content that the reader ignores
    /// (dossiers' `x-` keys): an integer beyond 64 bits there stays text instead of
    /// failing the file. Everything else about such content is checked as usual.
    package var freeFormKeyPrefix: String?

    package init(limits: LoaderLimits = LoaderLimits()) {
        self.limits = limits
    }

    /// Loads `text` as if read from `file`.
    package func load(file: String, text: String) -> Result<Document, DiagnosticError> {
        load(file: file, bytes: Array(text.utf8))
    }

    /// Loads `bytes` as if read from `file`. Exactly one document is expected; an empty
    /// or comment-only file is a document whose root is null.
    package func load(file: String, bytes: [UInt8]) -> Result<Document, DiagnosticError> {
        let maxFileSize = min(limits.maxFileSize, LoaderLimits.fileSizeCeiling)
        if bytes.count > maxFileSize {
            return .failure(DiagnosticError(.error(
                "yaml.file-too-large",
                "file is \(bytes.count) bytes, over the limit of \(maxFileSize) bytes",
                file: file, range: .fileStart,
                notes: [.hint("split the file, or raise the limit if this size is expected")])))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            DocumentBuilder(file: file, limits: limits, input: buffer, freeFormPrefix: freeFormKeyPrefix).run()
        }
    }
}

/// Turns the event stream into a flat `NodeStore`. A struct with the open collections
/// (the innermost apart), one small method per event kind.
private struct DocumentBuilder: ~Copyable {
    /// An open collection, or the document level outside every collection. Plain data
    /// only, so that reading and updating it for every event copies no strings or
    /// tables; those live in side tables.
    private struct Frame {
        enum Kind { case document, sequence, mapping }

        var kind: Kind
        /// Nil at the document level.
        var collection: NodeStoreBuilder.OpenCollection?
        /// Whether `anchorNames` holds this frame's anchor on top.
        var hasAnchor = false
        /// In a mapping, the key whose value has not arrived yet; -1 when none.
        var pendingKey: Int32 = -1
        /// Nodes in this subtree, used to charge alias expansions their real size.
        var nodeCount = 1
        /// One bit per key fingerprint seen in this mapping: most keys miss it and skip
        /// the duplicate scan altogether.
        var keyFilter: UInt64 = 0
        /// Whether `keyTables` holds a table for this mapping.
        var hasKeyTable = false
        /// Keys attached so far.
        var keyCount = 0
        /// Inside the value of a key with the loader's free-form prefix (`x-`), whose
        /// content is the writer's own: an integer too large for 64 bits stays text there.
        var freeForm = false

        var isMapping: Bool { kind == .mapping }

        static let document = Frame(kind: .document, collection: nil)
    }

    /// Up to this many keys a mapping checks for duplicates by scanning; past it, by table.
    private static let linearKeyLimit = 32

    let file: String
    let limits: LoaderLimits
    let input: UnsafeBufferPointer<UInt8>
    /// The key prefix whose values are free-form (see `YAMLLoader.freeFormKeyPrefix`).
    let freeFormPrefix: [UInt8]?
    private var nodes: NodeStoreBuilder
    /// The innermost open collection (or the document level), a plain stored value so
    /// that the work done for every event touches no array and unwraps no optional.
    private var top = Frame.document
    /// The frames around `top`, outermost first: as many as there are open collections.
    private var outer: [Frame] = []
    /// Open collections, `top` included.
    private var depth: Int { outer.count }
    private var anchors: [String: (index: Int32, count: Int)] = [:]
    private var anchorNames: [String] = []
    /// Keys seen so far by depth, for mappings too large for a linear duplicate check.
    private var keyTables: [Int: [String: Int32]] = [:]
    private var aliasNodes = 0
    private var root: Int32?
    private var documents = 0
    private var problems: [Diagnostic] = []

    init(file: String, limits: LoaderLimits, input: UnsafeBufferPointer<UInt8>, freeFormPrefix: String?) {
        self.file = file
        self.limits = limits
        self.input = input
        self.freeFormPrefix = freeFormPrefix.map { Array($0.utf8) }
        self.nodes = NodeStoreBuilder(expectedBytes: input.count)
        outer.reserveCapacity(8)
    }

    consuming func run() -> Result<Document, DiagnosticError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(DiagnosticError(.error("yaml.internal", "libyaml could not start a parser",
                                                   file: file, range: .fileStart)))
        }
        defer { yaml_parser_delete(&parser) }
        if let base = input.baseAddress {
            yaml_parser_set_input_string(&parser, base, input.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }

        // One event slot for the whole file, read in place by the handlers: passing the
        // 100-byte event by value copied it for every event.
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        defer { event.deallocate() }
        while true {
            guard yaml_parser_parse(&parser, event) == 1 else {
                problems.append(parserError(parser))
                break
            }
            let type = event.pointee.type
            let keepGoing = handle(event)
            yaml_event_delete(event)
            if !keepGoing || type == YAML_STREAM_END_EVENT { break }
        }
        if problems.hasErrors { return .failure(DiagnosticError(problems)) }
        let root = self.root
        return .success(Document(file: file, root: nodes.finish(root: root)))
    }

    // MARK: events

    /// Returns false when loading must stop.
    private mutating func handle(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        switch event.pointee.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                problems.append(.error("yaml.multiple-documents", "a second YAML document where one is expected",
                                       file: file, range: range(event.pointee.start_mark, event.pointee.end_mark),
                                       notes: [.hint("remove the '---' line, or put each document in its own file")]))
                return false
            }
            return true
        case YAML_SCALAR_EVENT:
            return scalar(event)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            return open(event, isMapping: event.pointee.type == YAML_MAPPING_START_EVENT)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return close(event)
        case YAML_ALIAS_EVENT:
            return alias(event)
        default:
            return true
        }
    }

    /// Whether the next node completes a key of the innermost mapping.
    private var expectsKey: Bool {
        top.kind == .mapping && top.pendingKey < 0
    }

    /// Whether the next value is free-form content: inside a free-form collection, or
    /// the value of a key that starts with the free-form prefix.
    private var isFreeFormValue: Bool {
        if top.freeForm { return true }
        guard let prefix = freeFormPrefix, top.kind == .mapping, top.pendingKey >= 0 else { return false }
        return nodes.string(top.pendingKey, hasPrefix: prefix)
    }

    private mutating func scalar(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        let data = event.pointee.data.scalar
        let nodeRange = range(event.pointee.start_mark, event.pointee.end_mark)
        if data.length > limits.maxScalarLength {
            problems.append(.error("yaml.scalar-too-long",
                                   "scalar is \(data.length) bytes, over the limit of \(limits.maxScalarLength)",
                                   file: file, range: nodeRange,
                                   notes: [.hint("shorten the text or move it into a linked source")]))
            return false
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: Int(data.length))
        let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE
        let style = Self.style(data.style)
        let tag = data.tag.map { String(cString: $0) }
        let isKey = expectsKey
        let index: Int32

        if let tag, tag != "!" {
            guard let core = CoreTag(uri: tag) else { return unknownTag(tag, at: nodeRange) }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let tagged = ScalarResolver.resolveTagged(text, bytes: bytes, tag: core) else {
                problems.append(.error("yaml.invalid-tagged-value", "'\(text)' is not a valid !!\(core.rawValue)",
                                       file: file, range: nodeRange))
                return true
            }
            // A key keeps its text; only values take the tagged type.
            index = isKey ? nodes.string(bytes, range: nodeRange, style: style)
                               : nodes.scalar(tagged, range: nodeRange, style: style)
        } else if isPlain && tag == nil && !isKey {
            switch ScalarResolver.resolvePlain(bytes) {
            case .value(let resolved): index = nodes.scalar(resolved, range: nodeRange, style: style)
            case .string: index = nodes.string(bytes, range: nodeRange, style: style)
            case .outOfRange where isFreeFormValue:
                index = nodes.string(bytes, range: nodeRange, style: style)
            case .outOfRange:
                problems.append(.error("yaml.number-out-of-range",
                                       "integer '\(String(decoding: bytes, as: UTF8.self))' does not fit in 64 bits",
                                       file: file, range: nodeRange,
                                       notes: [.hint("quote it if it is an identifier rather than a number")]))
                return true
            }
        } else {
            if isPlain && isKey && bytes.count == 2 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "<") {
                problems.append(.error("yaml.merge-key", "merge keys ('<<') are not supported",
                                       file: file, range: nodeRange,
                                       notes: [.hint("write the keys out in full; a dossier should read the same to a person as to Arbiter")]))
                return false
            }
            index = nodes.string(bytes, range: nodeRange, style: style)
        }

        if let anchor = data.anchor { anchors[String(cString: anchor)] = (index, 1) }
        attach(index, count: 1, keyBit: isKey ? NodeStoreBuilder.fingerprint(bytes) : 0)
        return true
    }

    private mutating func open(_ event: UnsafePointer<yaml_event_t>, isMapping: Bool) -> Bool {
        let start = position(event.pointee.start_mark)
        if expectsKey {
            problems.append(.error("yaml.non-scalar-key", "a mapping key must be a plain value, not a \(isMapping ? "mapping" : "list")",
                                   file: file, range: range(event.pointee.start_mark, event.pointee.end_mark)))
            return false
        }
        if depth >= limits.maxDepth {
            problems.append(.error("yaml.depth-limit", "nesting is deeper than the limit of \(limits.maxDepth) levels",
                                   file: file, range: SourceRange(at: start),
                                   notes: [.hint("flatten the structure; no dossier or pack needs this depth")]))
            return false
        }
        let rawTag = isMapping ? event.pointee.data.mapping_start.tag : event.pointee.data.sequence_start.tag
        if let rawTag {
            let tag = String(cString: rawTag)
            let expected: CoreTag = isMapping ? .map : .seq
            if tag != "!" && CoreTag(uri: tag) != expected {
                return unknownTag(tag, at: range(event.pointee.start_mark, event.pointee.end_mark))
            }
        }
        let rawAnchor = isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor
        if let rawAnchor { anchorNames.append(String(cString: rawAnchor)) }
        let freeForm = isFreeFormValue
        outer.append(top)
        top = Frame(kind: isMapping ? .mapping : .sequence, collection: nodes.open(isMapping: isMapping, start: start),
                    hasAnchor: rawAnchor != nil)
        top.freeForm = freeForm
        return true
    }

    private mutating func close(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        guard let collection = top.collection else { return true }
        let frame = top
        if frame.hasKeyTable { keyTables[depth] = nil }
        guard let enclosing = outer.popLast() else { return true }
        top = enclosing
        let index = nodes.close(collection, end: position(event.pointee.end_mark))
        if frame.hasAnchor, let anchor = anchorNames.popLast() { anchors[anchor] = (index, frame.nodeCount) }
        attach(index, count: frame.nodeCount, keyBit: 0)  // a collection is never a key
        return true
    }

    private mutating func alias(_ event: UnsafePointer<yaml_event_t>) -> Bool {
        let name = String(cString: event.pointee.data.alias.anchor)
        let aliasRange = range(event.pointee.start_mark, event.pointee.end_mark)
        guard let (anchored, count) = anchors[name] else {
            problems.append(.error("yaml.undefined-alias", "alias '*\(name)' refers to no anchor defined before it",
                                   file: file, range: aliasRange,
                                   notes: [.hint("define '&\(name)' earlier in the file")]))
            return false
        }
        aliasNodes += count
        if aliasNodes > limits.maxAliasNodes {
            problems.append(.error("yaml.alias-limit",
                                   "aliases expand to more than \(limits.maxAliasNodes) nodes",
                                   file: file, range: aliasRange,
                                   notes: [.hint("write the repeated values out, or use fewer aliases")]))
            return false
        }
        if expectsKey && !nodes.isString(anchored) {
            problems.append(.error("yaml.non-scalar-key", "an alias used as a key must name a string",
                                   file: file, range: aliasRange))
            return false
        }
        attach(nodes.alias(of: anchored, range: aliasRange), count: count, keyBit: expectsKey ? nodes.fingerprint(of: anchored) : 0)
        return true
    }

    private mutating func unknownTag(_ tag: String, at nodeRange: SourceRange) -> Bool {
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        problems.append(.error("yaml.unknown-tag", "tag '\(shown)' is not allowed",
                               file: file, range: nodeRange,
                               notes: [.hint("Arbiter reads plain data only; remove the tag")]))
        return false
    }

    private static func style(_ style: yaml_scalar_style_t) -> Node.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    // MARK: building

    /// Hands a finished node to the innermost open collection: as a key (checked for
    /// duplicates), as a key's value, or as an item; with nothing open it is the root.
    /// `keyBit` is the node's fingerprint when it completes a key (see `earlierKey`).
    private mutating func attach(_ index: Int32, count: Int, keyBit: UInt64) {
        switch top.kind {
        case .document:
            root = index
        case .sequence:
            top.nodeCount += count
            nodes.add(child: index)
        case .mapping:
            if top.pendingKey >= 0 {
                // Only values count toward an alias's size; keys are part of their entry.
                top.nodeCount += count
                top.pendingKey = -1
                nodes.add(child: index)
                return
            }
            if let previous = earlierKey(index, bit: keyBit) {
                let key = nodes.text(of: index)
                problems.append(.error("yaml.duplicate-key", "duplicate key '\(key)'",
                                       file: file, range: nodes.range(of: index),
                                       notes: [.init("first defined here", file: file, range: nodes.range(of: previous))]))
            }
            top.keyCount += 1
            top.pendingKey = index
            nodes.add(child: index)
        }
    }

    /// Small mappings scan their keys, and only when the key's fingerprint was seen
    /// before; a large one builds a table once, so a file of many thousand keys cannot
    /// make the check quadratic.
    private mutating func earlierKey(_ key: Int32, bit: UInt64) -> Int32? {
        guard let collection = top.collection else { return nil }
        if top.keyCount < Self.linearKeyLimit {
            let seen = top.keyFilter & bit != 0
            top.keyFilter |= bit
            return seen ? nodes.earlierKey(matching: key, in: collection) : nil
        }
        let level = depth
        top.hasKeyTable = true
        var table = keyTables.removeValue(forKey: level) ?? {
            // Seed the table with the keys already added; the first of equal keys wins.
            var table: [String: Int32] = [:]
            for earlier in nodes.keys(in: collection) where earlier != key {
                let text = nodes.text(of: earlier)
                if table[text] == nil { table[text] = earlier }
            }
            return table
        }()
        defer { keyTables[level] = table }
        let text = nodes.text(of: key)
        if let previous = table[text] { return previous }
        table[text] = key
        return nil
    }

    // MARK: positions and errors

    private func position(_ mark: yaml_mark_t) -> SourcePosition { mark.position }

    private func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange { SourceRange(start, end) }

    private func parserError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            let at = positionOfByte(Int(parser.problem_offset))
            let isControl = problem.contains("control characters")
            let code = isControl ? "yaml.control-character" : "yaml.invalid-encoding"
            let value = parser.problem_value
            let detail = value >= 0 ? " (byte 0x\(String(value, radix: 16, uppercase: true)))" : ""
            return .error(code, problem + detail, file: file, range: SourceRange(at: at),
                          notes: [.hint(isControl ? "remove the control character; only tabs and line breaks are allowed"
                                                  : "save the file as UTF-8")])
        case YAML_MEMORY_ERROR:
            return .error("yaml.internal", "libyaml ran out of memory", file: file, range: .fileStart)
        default:
            var notes: [Diagnostic.Note] = []
            if let context = parser.context.map({ String(cString: $0) }) {
                notes.append(.init(context, file: file, range: SourceRange(at: position(parser.context_mark))))
            }
            if problem.contains("cannot start any token") && byte(at: Int(parser.problem_mark.index)) == 0x09 {
                notes.append(.hint("YAML does not allow tabs for indentation; use spaces"))
            }
            return .error("yaml.syntax", problem, file: file, range: SourceRange(at: position(parser.problem_mark)), notes: notes)
        }
    }

    private func byte(at scalarIndex: Int) -> UInt8? {
        // libyaml's mark index counts scalars; walk to the matching byte.
        var scalars = 0
        for (offset, byte) in input.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == scalarIndex { return input[offset] }
            scalars += 1
        }
        return nil
    }

    /// Reader errors carry a byte offset, not a mark; count lines and scalars up to it.
    private func positionOfByte(_ offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, input.count)
        while index < end {
            let byte = input[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
