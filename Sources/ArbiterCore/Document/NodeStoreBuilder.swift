/// Builds a `NodeStore` in document order, the way a YAML event stream arrives.
///
/// Scalars are added as they come. A collection is opened, its children are added one
/// by one (for a mapping: key, then value), and closing it moves their indices into one
/// contiguous run. No array or string is allocated per node. The builder is
/// noncopyable: it owns its buffers, and `finish` hands them to the store once.
package struct NodeStoreBuilder: ~Copyable {
    /// A collection that has been opened and not yet closed.
    package struct OpenCollection: Sendable {
        let record: Int32
        let mark: Int
        package let isMapping: Bool

        init(record: Int32, mark: Int, isMapping: Bool) {
            self.record = record
            self.mark = mark
            self.isMapping = isMapping
        }
    }

    // Inlinable appends reach these from the loader's module, once per event.
    @usableFromInline var records: GrowableBuffer<NodeStore.Record>
    @usableFromInline var links: GrowableBuffer<Int32>
    @usableFromInline var text: GrowableBuffer<UInt8>
    /// Children of the collections still open, innermost last.
    @usableFromInline var pending: GrowableBuffer<Int32>
    /// The block the buffers start in; it goes to the store with them.
    var arena: ArenaBlock

    /// `expectedBytes` is the size of the source, used to reserve room up front: about
    /// one node per eight bytes of YAML, and no more text than the file holds.
    package init(expectedBytes: Int = 0) {
        // All four buffers start in one block, laid out by alignment: records, then the
        // 32-bit child indices, then text.
        let nodeCount = max(expectedBytes / 8, 16)
        let pendingCount = 64
        let textCount = max(expectedBytes, 16)
        let recordBytes = nodeCount * MemoryLayout<NodeStore.Record>.stride
        let indexBytes = (nodeCount + pendingCount) * MemoryLayout<Int32>.stride
        arena = ArenaBlock(bytes: recordBytes + indexBytes + textCount)
        let memory = arena.memory
        records = GrowableBuffer(in: memory.bindMemory(to: NodeStore.Record.self, capacity: nodeCount), capacity: nodeCount)
        links = GrowableBuffer(in: (memory + recordBytes).bindMemory(to: Int32.self, capacity: nodeCount), capacity: nodeCount)
        pending = GrowableBuffer(in: (memory + recordBytes + nodeCount * 4).bindMemory(to: Int32.self, capacity: pendingCount),
                                 capacity: pendingCount)
        text = GrowableBuffer(in: (memory + recordBytes + indexBytes).bindMemory(to: UInt8.self, capacity: textCount),
                              capacity: textCount)
    }

    @inlinable
    mutating func append(_ record: NodeStore.Record) -> Int32 {
        records.append(record)
        return Int32(truncatingIfNeeded: records.count - 1)
    }

    /// A resolved non-string scalar: plain data, cheap to hand over for every event.
    package enum Scalar: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
    }

    package mutating func scalar(_ value: Scalar, range: SourceRange, style: Node.Style) -> Int32 {
        switch value {
        case .null: append(.init(range: range, payload: 0, count: 0, kind: .null, style: style))
        case .bool(let flag): append(.init(range: range, payload: flag ? 1 : 0, count: 0, kind: .bool, style: style))
        case .int(let number): append(.init(range: range, payload: Int64(number), count: 0, kind: .int, style: style))
        case .float(let number):
            append(.init(range: range, payload: Int64(bitPattern: number.bitPattern), count: 0, kind: .float, style: style))
        }
    }

    /// Adds a scalar node. Sequences and mappings go through `open` and `close`.
    package mutating func scalar(_ value: Node.Value, range: SourceRange, style: Node.Style) -> Int32 {
        switch value {
        case .null: scalar(Scalar.null, range: range, style: style)
        case .bool(let flag): scalar(Scalar.bool(flag), range: range, style: style)
        case .int(let number): scalar(Scalar.int(number), range: range, style: style)
        case .float(let number): scalar(Scalar.float(number), range: range, style: style)
        case .string(let string): self.string(string, range: range, style: style)
        case .sequence(let items): copy(items: items, range: range)
        case .mapping(let entries): copy(entries: entries, range: range)
        }
    }

    /// Adds a string node from raw UTF-8 (already checked by the caller).
    @inlinable
    package mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, range: SourceRange, style: Node.Style) -> Int32 {
        let offset = text.count
        text.append(contentsOf: bytes)
        return append(.init(range: range, payload: Int64(offset), count: Int32(truncatingIfNeeded: bytes.count),
                            kind: .string, style: style))
    }

    @discardableResult
    package mutating func string(_ string: String, range: SourceRange, style: Node.Style = .plain) -> Int32 {
        var string = string
        return string.withUTF8 { self.string($0, range: range, style: style) }
    }

    package mutating func open(isMapping: Bool, start: SourcePosition) -> OpenCollection {
        let index = append(.init(range: SourceRange(at: start), payload: 0, count: 0,
                                 kind: isMapping ? .mapping : .sequence, style: .collection))
        return OpenCollection(record: index, mark: pending.count, isMapping: isMapping)
    }

    /// Adds `child` to the innermost open collection: an item, a key or a value.
    @inlinable
    package mutating func add(child: Int32) {
        pending.append(child)
    }

    @discardableResult
    package mutating func close(_ collection: OpenCollection, end: SourcePosition) -> Int32 {
        let children = pending.count - collection.mark
        let first = links.count
        links.append(contentsOf: UnsafeBufferPointer(start: pending.base + collection.mark, count: children))
        pending.removeLast(children)
        let index = Int(collection.record)
        records[index].range = SourceRange(start: records[index].range.start, end: end)
        records[index].payload = Int64(first)
        records[index].count = Int32(truncatingIfNeeded: collection.isMapping ? children / 2 : children)
        return collection.record
    }

    /// A second reference to an existing node, at the place of the alias. The children
    /// are shared, not copied.
    package mutating func alias(of target: Int32, range: SourceRange) -> Int32 {
        var record = records[Int(target)]
        record.range = range
        return append(record)
    }

    package func isString(_ index: Int32) -> Bool {
        records[Int(index)].kind == .string
    }

    package func text(of index: Int32) -> String {
        let record = records[Int(index)]
        return String(decoding: text.run(from: Int(record.payload), length: Int(record.count)), as: UTF8.self)
    }

    /// Whether the string node at `index` starts with `prefix`, read in place.
    package func string(_ index: Int32, hasPrefix prefix: [UInt8]) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .string, Int(record.count) >= prefix.count else { return false }
        let bytes = text.run(from: Int(record.payload), length: prefix.count)
        return zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    package func range(of index: Int32) -> SourceRange {
        records[Int(index)].range
    }

    /// The earlier key of the open mapping `collection` with the same text as `key`, if
    /// any. A linear scan: callers switch to a table for large mappings.
    package func earlierKey(matching key: Int32, in collection: OpenCollection) -> Int32? {
        var position = collection.mark
        while position < pending.count {
            let candidate = pending[position]
            if candidate != key && sameText(candidate, key) { return candidate }
            position += 2
        }
        return nil
    }

    /// One of 64 bits chosen by a string's length and its first and last bytes: equal
    /// strings always share it, and different keys of one mapping rarely do.
    @inlinable
    package static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = bytes.first, let last = bytes.last else { return 1 }
        return 1 << ((UInt64(truncatingIfNeeded: bytes.count) &* 31 &+ UInt64(first) &+ UInt64(last) &* 7) & 63)
    }

    /// The fingerprint of string node `index` (see `fingerprint(_:)`).
    package func fingerprint(of index: Int32) -> UInt64 {
        let record = records[Int(index)]
        return Self.fingerprint(text.run(from: Int(record.payload), length: Int(record.count)))
    }

    /// The keys added so far to the open mapping `collection`.
    package func keys(in collection: OpenCollection) -> [Int32] {
        stride(from: collection.mark, to: pending.count, by: 2).map { pending[$0] }
    }

    private func sameText(_ first: Int32, _ second: Int32) -> Bool {
        let a = records[Int(first)]
        let b = records[Int(second)]
        guard a.count == b.count else { return false }
        return text.equalRuns(Int(a.payload), Int(b.payload), length: Int(a.count))
    }

    /// Copies `node` and everything under it from another store.
    @discardableResult
    package mutating func copy(_ node: Node) -> Int32 {
        scalar(node.value, range: node.range, style: node.style)
    }

    private mutating func copy(items: Node.Items, range: SourceRange) -> Int32 {
        let collection = open(isMapping: false, start: range.start)
        for item in items { add(child: copy(item)) }
        return close(collection, end: range.end)
    }

    private mutating func copy(entries: Node.Entries, range: SourceRange) -> Int32 {
        let collection = open(isMapping: true, start: range.start)
        for entry in entries {
            add(child: string(entry.key, range: entry.keyRange))
            add(child: copy(entry.value))
        }
        return close(collection, end: range.end)
    }

    /// The finished, immutable store and its root; a null root at the start of the file
    /// when nothing was added.
    package consuming func finish(root: Int32?) -> Node {
        let rootIndex = root ?? append(.init(range: .fileStart, payload: 0, count: 0, kind: .null, style: .plain))
        return Node(store: NodeStore(records: records, links: links, text: text, arena: arena), index: rootIndex)
    }
}
