/// Bounds on what one expression may cost. Parse-time limits keep hostile packs from
/// building huge trees; the step budget bounds the work of one evaluation.
public struct ExpressionLimits: Hashable, Sendable {
    public var maxLength: Int
    public var maxDepth: Int
    public var maxNodes: Int
    public var maxPatternLength: Int
    /// Evaluation steps allowed per expression per dossier, a pattern's search included;
    /// running out is a fault, never a trap.
    public var stepBudget: Int

    public init(maxLength: Int = 4_096, maxDepth: Int = 32, maxNodes: Int = 512,
                maxPatternLength: Int = 256, stepBudget: Int = 100_000) {
        self.maxLength = maxLength
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxPatternLength = maxPatternLength
        self.stepBudget = stepBudget
    }
}
