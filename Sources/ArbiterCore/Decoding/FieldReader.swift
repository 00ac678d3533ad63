/// Reads a YAML mapping field by field, remembering which keys were used so that
/// everything left over can be reported at its own position, with a suggestion.
struct FieldReader {
    let node: Node
    /// Names the mapping in messages: "rule 'DA-BIO-001'", "source", "pack".
    let context: String
    private var entries: Node.Entries
    /// Which entries a `take` or `entry` has read, by position: a bit each for the first
    /// 64, a set beyond. Hashing every key asked for had cost more than decoding.
    private var usedMask: UInt64 = 0
    private var usedBeyond: Set<Int> = []
    /// The keys asked for, for did-you-mean hints on leftovers.
    private var asked: [String] = []

    /// Returns nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, context: String, into problems: inout DiagnosticCollector) {
        guard let entries = node.entries else {
            problems.error("wrong-type", "\(context) must be a mapping, found \(node.kindDescription)", at: node.range)
            return nil
        }
        self.node = node
        self.context = context
        self.entries = entries
    }

    mutating func take(_ key: String) -> Node? {
        guard let entry = entry(key), !entry.value.isNull else { return nil }
        return entry.value
    }

    mutating func entry(_ key: String) -> Node.Entry? {
        asked.append(key)
        guard let position = entries.firstIndex(where: { $0.hasKey(key) }) else { return nil }
        if position < 64 { usedMask |= 1 << UInt64(position) } else { usedBeyond.insert(position) }
        return entries[position]
    }

    private func isUsed(_ position: Int) -> Bool {
        position < 64 ? usedMask & (1 << UInt64(position)) != 0 : usedBeyond.contains(position)
    }

    mutating func string(_ key: String, required: Bool = false, into problems: inout DiagnosticCollector) -> String? {
        guard let value = take(key) else {
            if required { missing(key, into: &problems) }
            return nil
        }
        guard case .string(let text) = value.value else {
            problems.error("wrong-type", "'\(key)' must be a string, found \(value.kindDescription)", at: value.range,
                           notes: [.hint("put the value in quotes")])
            return nil
        }
        if required && text.isEmpty {
            problems.error("missing-field", "'\(key)' in \(context) must not be empty", at: value.range)
            return nil
        }
        return text
    }

    mutating func number(_ key: String, required: Bool = false, into problems: inout DiagnosticCollector) -> Double? {
        guard let value = take(key) else {
            if required { missing(key, into: &problems) }
            return nil
        }
        guard let number = Self.finiteNumber(value) else {
            problems.error("wrong-type", "'\(key)' must be a finite number, found \(value.kindDescription)", at: value.range)
            return nil
        }
        return number
    }

    /// The node's value as a finite number (an int or a float), or nil.
    static func finiteNumber(_ node: Node) -> Double? {
        switch node.value {
        case .int(let number): Double(number)
        case .float(let number) where number.isFinite: number
        default: nil
        }
    }

    /// The items of the list under `key`; nil when it is absent or null, and nil after
    /// reporting when it is something other than a list.
    mutating func list(_ key: String, into problems: inout DiagnosticCollector) -> Node.Items? {
        guard let value = take(key) else { return nil }
        guard let items = value.items else {
            problems.error("wrong-type", "'\(key)' must be a list, found \(value.kindDescription)", at: value.range)
            return nil
        }
        return items
    }

    mutating func stringList(_ key: String, into problems: inout DiagnosticCollector) -> [(String, SourceRange)] {
        guard let items = list(key, into: &problems) else { return [] }
        return items.compactMap { item in
            guard case .string(let text) = item.value else {
                problems.error("wrong-type", "items of '\(key)' must be strings, found \(item.kindDescription)", at: item.range)
                return nil
            }
            return (text, item.range)
        }
    }

    private func missing(_ key: String, into problems: inout DiagnosticCollector) {
        problems.error("missing-field", "\(context) is missing the required field '\(key)'", at: node.range)
    }

    /// Reports every key that no `take` asked for.
    func reportLeftovers(into problems: inout DiagnosticCollector, ignoring isFree: (String) -> Bool = { _ in false }) {
        var known: [String]?
        for position in entries.indices where !isUsed(position) {
            let entry = entries[position]
            if isFree(entry.key) { continue }
            if known == nil { known = Set(asked).sorted() }
            problems.error("unknown-field", "unknown field '\(entry.key)' in \(context)", at: entry.keyRange,
                           notes: Spelling.hint(for: entry.key, among: known ?? []))
        }
    }
}
