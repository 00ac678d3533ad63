/// One dossier scored by one pack.
public struct PackResult: Hashable, Sendable {
    public var pack: String
    public var version: String
    public var title: String
    /// Points, one decimal: the fired rules' contributions summed by category, each
    /// category held to its cap (scoring model 3).
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
    /// Share of the applicable weight whose outcome is known, 0–1.
    public var completeness: Double
    /// False when every rule's relevance guard is false: the pack has nothing to judge.
    public var isApplicable: Bool = true
    public var categories: [CategoryScore]
    /// Every rule's finding, in pack order, passed ones included.
    public var findings: FindingList
    public var bands: BandThresholds
    /// The pack's declared floors, which the gate applies to the findings it counts.
    public var floors: [BandFloor]
    /// The pack's category caps, by category position.
    public var caps: [Double?] = []

    /// Too little is known for a low band to mean anything: completeness is below what
    /// the pack declares and the known facts give no more than low. When they already
    /// give more (a fired breach, a floor) that band is a verdict: more facts can only
    /// raise it. The score and range are reported beside it either way.
    public var isInsufficientData: Bool {
        guard isApplicable, let minimumCompleteness else { return false }
        return completeness < minimumCompleteness && band == .low
    }

    /// Whether the pack states a band: it applies and knows enough.
    public var isDecided: Bool { isApplicable && !isInsufficientData }

    /// What a report states as the pack's verdict: its band, `insufficient-data` or
    /// `not-applicable`.
    public var verdict: String { Verdict(self).rawValue }

    /// The points the finding at `position` counts for: its contribution, pro rata
    /// where its category's cap binds, so every finding's points add up to `score`.
    public func points(at position: Int) -> Double {
        points(contribution: findings.contribution(at: position), category: findings.rules[position].categoryIndex)
    }

    /// `points(at:)` for a finding of this pack already built.
    public func points(of finding: Finding) -> Double {
        points(contribution: finding.contribution, category: finding.definition.categoryIndex)
    }

    /// The finding's share of the pack's score, 0–1; 0 when the score is 0.
    public func share(of finding: Finding) -> Double {
        score > 0 ? points(of: finding) / score : 0
    }

    private func points(contribution: Double, category: Int) -> Double {
        category < categories.count ? categories[category].points(ofContribution: contribution) : contribution
    }

    public var scoreRange: (low: Double, high: Double) { (score, worst) }
}
