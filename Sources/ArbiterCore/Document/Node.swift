/// One YAML node with the stretch of the file it came from.
///
/// Scalars are already resolved by the YAML 1.2 core schema; mappings keep key order.
/// A node is a view into the `NodeStore` of its document, so copying one is cheap and
/// the document stays alive as long as any of its nodes does.
package struct Node: Sendable {
    let store: NodeStore
    let index: Int32

    init(store: NodeStore, index: Int32) {
        self.store = store
        self.index = index
    }

    package enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
        case sequence(Items)
        case mapping(Entries)
    }

    /// A mapping entry. Keys are always scalars; `key` is their text.
    package struct Entry: Sendable {
        let store: NodeStore
        let keyIndex: Int32
        let valueIndex: Int32

        package var key: String { store.string(at: keyIndex) }
        package var keyRange: SourceRange { store.records[Int(keyIndex)].range }
        package var value: Node { Node(store: store, index: valueIndex) }

        /// Whether the key is `name`, without making a string of the key.
        package func hasKey(_ name: String) -> Bool { store.string(at: keyIndex, equals: name) }

        /// Calls `body` with the key's UTF-8 bytes where they are stored.
        package func withKeyBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            body(store.bytes(at: keyIndex))
        }
    }

    /// The items of a sequence, in order.
    package struct Items: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
        let store: NodeStore
        let start: Int
        package let count: Int

        init(store: NodeStore, start: Int, count: Int) {
            self.store = store
            self.start = start
            self.count = count
        }

        /// Only the empty literal, so that `node.items ?? []` reads as it would for an array.
        package init(arrayLiteral elements: Never...) {
            self.init(store: NodeStore.empty, start: 0, count: 0)
        }

        package var startIndex: Int { 0 }
        package var endIndex: Int { count }
        package subscript(position: Int) -> Node {
            precondition(position >= 0 && position < count, "item index out of range")
            return Node(store: store, index: store.links[start + position])
        }

        package static func == (lhs: Items, rhs: Items) -> Bool { lhs.elementsEqual(rhs) { $0.value == $1.value } }
    }

    /// The entries of a mapping, in the order they were written.
    package struct Entries: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
        let store: NodeStore
        let start: Int
        package let count: Int

        init(store: NodeStore, start: Int, count: Int) {
            self.store = store
            self.start = start
            self.count = count
        }

        /// Only the empty literal, so that `node.entries ?? []` reads as it would for an array.
        package init(arrayLiteral elements: Never...) {
            self.init(store: NodeStore.empty, start: 0, count: 0)
        }

        package var startIndex: Int { 0 }
        package var endIndex: Int { count }
        package subscript(position: Int) -> Entry {
            precondition(position >= 0 && position < count, "entry index out of range")
            let link = start + 2 * position
            return Entry(store: store, keyIndex: store.links[link], valueIndex: store.links[link + 1])
        }

        /// The first entry whose key is `name`.
        package func first(named name: String) -> Entry? {
            first { $0.hasKey(name) }
        }

        package static func == (lhs: Entries, rhs: Entries) -> Bool {
            lhs.elementsEqual(rhs) { $0.key == $1.key && $0.value.value == $1.value.value }
        }
    }

    /// How a scalar was written; expressions inside pack scalars use it to map an
    /// offset in the text back to a line and column of the file.
    package enum Style: UInt8, Sendable, Hashable, BitwiseCopyable {
        case plain, singleQuoted, doubleQuoted, literal, folded, collection
    }

    private var record: NodeStore.Record { store.records[Int(index)] }

    package var range: SourceRange { record.range }
    package var style: Style { record.style }

    package var value: Value {
        let record = record
        switch record.kind {
        case .null: return .null
        case .bool: return .bool(record.payload != 0)
        case .int: return .int(Int(record.payload))
        case .float: return .float(Double(bitPattern: UInt64(bitPattern: record.payload)))
        case .string: return .string(store.string(at: index))
        case .sequence: return .sequence(Items(store: store, start: Int(record.payload), count: Int(record.count)))
        case .mapping: return .mapping(Entries(store: store, start: Int(record.payload), count: Int(record.count)))
        }
    }

    package var isNull: Bool { record.kind == .null }

    package var entries: Entries? {
        let record = record
        guard record.kind == .mapping else { return nil }
        return Entries(store: store, start: Int(record.payload), count: Int(record.count))
    }

    package var items: Items? {
        let record = record
        guard record.kind == .sequence else { return nil }
        return Items(store: store, start: Int(record.payload), count: Int(record.count))
    }

    package var string: String? {
        record.kind == .string ? store.string(at: index) : nil
    }

    /// The first entry with `key`, for the few readers that look keys up directly.
    package subscript(key: String) -> Node? {
        entries?.first(named: key)?.value
    }

    /// What the node is, in words, for messages such as "expected a mapping, found a list".
    package var kindDescription: String {
        switch record.kind {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// A lone string node, for text that did not come from a file of its own.
    package static func string(_ text: String, range: SourceRange, style: Style = .plain) -> Node {
        var builder = NodeStoreBuilder()
        let index = builder.string(text, range: range, style: style)
        return builder.finish(root: index)
    }
}
