/// How serious a finding is on its own, independent of its weight in the score.
public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
