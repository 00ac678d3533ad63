/// Kleene's three-valued logic: `unknown` when a missing fact could change the answer.
public enum Truth: String, Hashable, Sendable, CaseIterable {
    case `true`, `false`, unknown

    public static func and(_ lhs: Truth, _ rhs: Truth) -> Truth {
        if lhs == .false || rhs == .false { return .false }
        if lhs == .true && rhs == .true { return .true }
        return .unknown
    }

    public static func or(_ lhs: Truth, _ rhs: Truth) -> Truth {
        if lhs == .true || rhs == .true { return .true }
        if lhs == .false && rhs == .false { return .false }
        return .unknown
    }

    public static func not(_ value: Truth) -> Truth {
        switch value {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }
}
