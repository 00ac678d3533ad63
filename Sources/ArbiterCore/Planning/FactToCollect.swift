/// One unknown fact of one pack, and what knowing it could do to the pack's verdict:
/// the lowest and highest score and worst case reachable by giving it each value that
/// matters, with every other unknown fact left unknown.
public struct FactToCollect: Sendable, Hashable {
    public var path: String
    public var slot: Int
    /// The values tried: every value of a boolean or enumeration, and for numbers, dates
    /// and text the thresholds the rules compare the fact with (and a value either side).
    public var candidates: [Value]
    /// Whether the candidates are all that matter (true unless a rule reads the fact in
    /// arithmetic, a sum, a length or a pattern, whose breakpoints thresholds cannot give).
    public var exact: Bool
    public var lowestScore: Double
    public var highestScore: Double
    public var lowestWorst: Double
    public var highestWorst: Double
    /// The bands the score can land in, lowest first; likewise the worst case.
    public var bands: [Band]
    public var worstBands: [Band]
    /// Rules now unknown that this fact alone decides for some value.
    public var decides: [String]

    /// Whether some value of this fact gives a band other than today's.
    public func canChangeBand(from band: Band, worst: Band) -> Bool {
        bands != [band] || worstBands != [worst]
    }

    /// How far knowing the fact can move the pack: the most the known score can rise
    /// or the worst case fall. Facts to collect are ranked by it.
    public func swing(score: Double, worst: Double) -> Double {
        max(highestScore - score, worst - lowestWorst)
    }
}
