/// A value during evaluation. `unknown` carries a bitmask of the missing facts that
/// produced it (bit i is the program's i-th read), so an undecided rule can say which
/// facts would settle it without allocating a set for every missing fact.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case list([Value])
    case unknown(UInt64)

    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    /// The value as a Double when it is numeric.
    public var numeric: Double? {
        switch self {
        case .int(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    /// Text for messages and reports: integers as written, whole doubles without `.0`.
    public var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let number): return Self.format(number)
        case .string(let text): return text
        case .list(let items): return items.map(\.displayText).joined(separator: ", ")
        case .unknown: return "unknown"
        }
    }

    /// Numbers with at most three decimals and no trailing zeros, so messages read well
    /// and stay identical from one run to the next.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "nan" : (number < 0 ? "-inf" : "inf") }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalText.maximumLength) { buffer in
            guard let length = DecimalText.write(number, to: buffer.baseAddress!) else { return String(number) }
            // Up to 15 bytes fit in a string's inline storage, so most need no allocation.
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
    }
}
