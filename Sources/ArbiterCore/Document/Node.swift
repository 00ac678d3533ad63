/// One YAML node with the stretch of the file it came from.
///
/// Scalars are already resolved by the YAML 1.2 core schema; mappings keep key order.
public struct Node: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
        case sequence([Node])
        case mapping([Entry])
    }

    /// A mapping entry. Keys are always scalars; `key` is their text.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyRange: SourceRange
        public var value: Node

        public init(key: String, keyRange: SourceRange, value: Node) {
            self.key = key
            self.keyRange = keyRange
            self.value = value
        }
    }

    /// How a scalar was written; expressions inside pack scalars use it to map an
    /// offset in the text back to a line and column of the file.
    public enum Style: UInt8, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded, collection
    }

    public var value: Value
    public var range: SourceRange
    public var style: Style

    public init(_ value: Value, range: SourceRange, style: Style = .plain) {
        self.value = value
        self.range = range
        self.style = style
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public var items: [Node]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    /// The first entry with `key`, for the few readers that look keys up directly.
    public subscript(key: String) -> Node? {
        entries?.first { $0.key == key }?.value
    }

    /// What the node is, in words, for messages such as "expected a mapping, found a list".
    public var kindDescription: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .float: "a number"
        case .string: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
