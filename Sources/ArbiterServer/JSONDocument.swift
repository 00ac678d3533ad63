import ArbiterCore

/// A JSON value for the API's own documents (errors, packs, rules, health), written the
/// way the CLI's reports are: two-space indentation, `"key": value`, keys in the order
/// given, `[]` and `{}` when empty. Reports keep their own writers.
indirect enum JSONDocument: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    case object([(String, JSONDocument)])
    case array([JSONDocument])
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONDocument...) { self = .array(elements) }

    static func strings(_ values: [String]) -> JSONDocument { .array(values.map(JSONDocument.string)) }
    static func optional(_ value: String?) -> JSONDocument { value.map(JSONDocument.string) ?? .null }

    /// The document as UTF-8, with a final line break.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The document on one line, with a final line break: a JSON Lines record.
    var line: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, depth: 0, compact: true)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(into out: inout [UInt8], depth: Int, compact: Bool = false) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .int(let number): out += Array(String(number).utf8)
        case .number(let number): out += Array((number.isFinite ? Value.format(number) : "null").utf8)
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return out += Array("[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if !compact { Self.newline(into: &out, depth: depth + 1) }
                item.write(into: &out, depth: depth + 1, compact: compact)
            }
            if !compact { Self.newline(into: &out, depth: depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { return out += Array("{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if !compact { Self.newline(into: &out, depth: depth + 1) }
                Self.quote(key, into: &out)
                out += Array((compact ? ":" : ": ").utf8)
                value.write(into: &out, depth: depth + 1, compact: compact)
            }
            if !compact { Self.newline(into: &out, depth: depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "\n"))
        out += [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, and the two
    /// line separators JavaScript reads as line breaks.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\r": out += Array("\\r".utf8)
            case "\t": out += Array("\\t".utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
