/// One dossier scored by one pack.
public struct PackResult: Hashable, Sendable {
    public var pack: String
    public var version: String
    public var title: String
    /// 0–100, one decimal: contributions of fired rules over the pack's total weight.
    public var score: Double
    /// The score if every unknown rule fired at its largest contribution.
    public var worst: Double
    /// The band of the score, lifted by the highest band floor that holds.
    public var band: Band
    /// The band of the worst case, lifted by the floors that could hold if every unknown fired.
    public var worstBand: Band
    /// The floor that set `band` above the band of the score alone, if any.
    public var floor: AppliedFloor?
    /// The floor that set `worstBand` above the band of `worst` alone, if any.
    public var worstFloor: AppliedFloor?
    /// The completeness below which the pack declines to give a band.
    public var minimumCompleteness: Double?
    /// Share of the pack's weight whose outcome is known, 0–1.
    public var completeness: Double
    public var categories: [CategoryScore]
    /// Every rule's finding, in pack order, passed ones included.
    public var findings: FindingList
    public var bands: BandThresholds
    /// The pack's declared floors, which the gate applies to the findings it counts.
    public var floors: [BandFloor]
    public var totalWeight: Double

    /// Too little is known for a low band to mean anything: completeness is below what
    /// the pack declares and the known facts give no more than low. When they already
    /// give more (a fired breach, a floor) that band is a verdict: more facts can only
    /// raise it. The score and range are reported beside it either way.
    public var isInsufficientData: Bool {
        guard let minimumCompleteness else { return false }
        return completeness < minimumCompleteness && band == .low
    }

    /// What a report states as the pack's verdict: its band, or `insufficient-data`.
    public var verdict: String { isInsufficientData ? "insufficient-data" : band.rawValue }

    public var scoreRange: (low: Double, high: Double) { (score, worst) }
}
