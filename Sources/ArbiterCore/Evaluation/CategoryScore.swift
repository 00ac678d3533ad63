/// A pack's points restricted to one category of rules.
public struct CategoryScore: Hashable, Sendable {
    public var category: String
    /// Points of the category's fired rules, held to its cap.
    public var score: Double
    /// Points if every unknown rule of the category fired, held to its cap.
    public var worst: Double
    /// The weight of the category's applicable rules.
    public var weight: Double
    /// The most points the category can add; nil when unbounded.
    public var cap: Double?
    /// Points of the fired rules before the cap, from which each finding's share is drawn.
    public var uncapped: Double

    public init(category: String, score: Double, worst: Double, weight: Double, cap: Double? = nil, uncapped: Double? = nil) {
        self.category = category
        self.score = score
        self.worst = worst
        self.weight = weight
        self.cap = cap
        self.uncapped = uncapped ?? score
    }

    /// What a finding of this category that adds `contribution` counts for once the cap
    /// binds: its pro-rata part of the capped points, so the parts add up to the score.
    public func points(ofContribution contribution: Double) -> Double {
        guard let cap, uncapped > cap, uncapped > 0 else { return contribution }
        return contribution * cap / uncapped
    }
}
