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
        let scaled = (number * 1000).rounded()
        if abs(scaled) < 9e15 {
            let whole = Int(scaled)
            let sign = whole < 0 ? "-" : ""
            let magnitude = whole.magnitude
            let integer = magnitude / 1000
            var fraction = String(magnitude % 1000)
            if fraction == "0" { return sign + String(integer) }
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return "\(sign)\(integer).\(fraction)"
        }
        return String(number)
    }
}
