/// The risk band of a score.
public enum Band: String, Hashable, Sendable, CaseIterable, Comparable {
    case low, moderate, high, critical

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rank < rhs.rank }
}
