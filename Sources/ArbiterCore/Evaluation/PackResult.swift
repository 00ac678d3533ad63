/// One dossier scored by one pack.
public struct PackResult: Hashable, Sendable {
    public var pack: String
    public var version: String
    public var title: String
    /// 0–100, one decimal: contributions of fired rules over the pack's total weight.
    public var score: Double
    /// The score if every unknown rule fired at its largest contribution.
    public var worst: Double
    public var band: Band
    public var worstBand: Band
    /// Share of the pack's weight whose outcome is known, 0–1.
    public var completeness: Double
    public var categories: [CategoryScore]
    /// Every rule's finding, in pack order, passed ones included.
    public var findings: FindingList
    public var bands: BandThresholds
    public var totalWeight: Double

    public var scoreRange: (low: Double, high: Double) { (score, worst) }
}
