/// The risk band of a score.
public enum Band: String, Hashable, Sendable, CaseIterable, Comparable {
    case low, moderate, high, critical

    /// The position in declaration order, as a switch (see `Severity.rank`).
    public var rank: Int {
        switch self {
        case .low: 0
        case .moderate: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rank < rhs.rank }
}
