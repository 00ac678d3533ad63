/// How serious a finding is on its own, independent of its weight in the score.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    /// The position in declaration order. A switch, because `allCases.firstIndex(of:)`
    /// built the array of cases for every comparison, and reports sort every finding.
    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
