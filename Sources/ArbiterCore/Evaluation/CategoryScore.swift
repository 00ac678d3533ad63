/// A pack's score restricted to one category of rules.
public struct CategoryScore: Hashable, Sendable {
    public var category: String
    public var score: Double
    public var worst: Double
    public var weight: Double

    public init(category: String, score: Double, worst: Double, weight: Double) {
        self.category = category
        self.score = score
        self.worst = worst
        self.weight = weight
    }
}
