/// One unknown fact of one pack, and what knowing it could do to the pack's verdict:
/// the lowest and highest score and worst case reachable by giving it each value that
/// matters, with every other unknown fact left unknown.
package struct FactToCollect: Sendable, Hashable {
    package var path: String
    package var slot: Int
    /// The values tried: every value of a boolean or enumeration, and for numbers, dates
    /// and text the thresholds the rules compare the fact with (and a value either side).
    package var candidates: [Value]
    /// Whether the candidates are all that matter (true unless a rule reads the fact in
    /// arithmetic, a sum, a length or a pattern, whose breakpoints thresholds cannot give).
    package var exact: Bool
    package var lowestScore: Double
    package var highestScore: Double
    package var lowestWorst: Double
    package var highestWorst: Double
    /// The bands the score can land in, lowest first; likewise the worst case.
    package var bands: [Band]
    package var worstBands: [Band]
    /// Rules now unknown that this fact alone decides for some value.
    package var decides: [String]

    /// Whether some value of this fact gives a band other than today's.
    package func canChangeBand(from band: Band, worst: Band) -> Bool {
        bands != [band] || worstBands != [worst]
    }

    /// How far knowing the fact can move the pack: the most the known score can rise
    /// or the worst case fall. Facts to collect are ranked by it.
    package func swing(score: Double, worst: Double) -> Double {
        max(highestScore - score, worst - lowestWorst)
    }
}
