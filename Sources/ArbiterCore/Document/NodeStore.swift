/// The nodes of one loaded document, stored flat.
///
/// A tree of `Node` values with an array per collection and a `String` per scalar cost
/// more to build and to free than libyaml took to parse the file. Here each node is one
/// fixed-size record, collections point at a run of child indices, and scalar text
/// lives in one byte buffer; a `Node` is just this store and an index into it. Strings
/// are made only when a reader asks for one.
///
/// `@unchecked Sendable` because the buffers are raw memory the compiler cannot see
/// into: the store never changes once built, and its buffers are freed only with it.
package final class NodeStore: @unchecked Sendable {
    @usableFromInline
    enum Kind: UInt8, Sendable, BitwiseCopyable {
        case null, bool, int, float, string, sequence, mapping
    }

    /// One node in 32 bytes. `payload` is the value of a bool, int or float (its bits),
    /// the byte offset of a string's text, or the first index in `links` of a
    /// collection's children; `count` is a string's byte length or a collection's
    /// number of items (entries count once).
    @usableFromInline
    struct Record: Sendable, BitwiseCopyable {
        @usableFromInline var range: SourceRange
        @usableFromInline var payload: Int64
        @usableFromInline var count: Int32
        @usableFromInline var kind: Kind
        @usableFromInline var style: Node.Style

        @inlinable
        init(range: SourceRange, payload: Int64, count: Int32, kind: Kind, style: Node.Style) {
            self.range = range
            self.payload = payload
            self.count = count
            self.kind = kind
            self.style = style
        }
    }

    let records: GrowableBuffer<Record>
    /// Children of collections: item indices for a sequence, key and value index pairs
    /// for a mapping. Keys are string records whose range is the key's own.
    let links: GrowableBuffer<Int32>
    let text: GrowableBuffer<UInt8>
    /// The memory the buffers started in, kept until the store goes.
    let arena: ArenaBlock

    static let empty = NodeStore(records: GrowableBuffer(capacity: 0), links: GrowableBuffer(capacity: 0),
                                 text: GrowableBuffer(capacity: 0), arena: ArenaBlock(bytes: 0))

    /// Takes over the builder's buffers as they are, without a copy.
    init(records: consuming GrowableBuffer<Record>, links: consuming GrowableBuffer<Int32>, text: consuming GrowableBuffer<UInt8>,
         arena: consuming ArenaBlock) {
        self.records = records
        self.links = links
        self.text = text
        self.arena = arena
    }

    func string(at index: Int32) -> String {
        String(decoding: bytes(at: index), as: UTF8.self)
    }

    /// The text of a scalar record, valid while the store is alive.
    func bytes(at index: Int32) -> UnsafeBufferPointer<UInt8> {
        let record = records[Int(index)]
        return text.run(from: Int(record.payload), length: Int(record.count))
    }

    /// Compares a string record with `other` byte by byte, without making a `String`.
    func string(at index: Int32, equals other: String) -> Bool {
        let record = records[Int(index)]
        guard record.kind == .string else { return false }
        let stored = text.run(from: Int(record.payload), length: Int(record.count))
        var other = other
        return other.withUTF8 { wanted in wanted.count == stored.count && stored.elementsEqual(wanted) }
    }
}
