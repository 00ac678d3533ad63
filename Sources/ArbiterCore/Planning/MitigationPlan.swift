/// The smallest set of a pack's mitigations that brings it to a target band, as steps in
/// the order that lowers it fastest, each with the verdict after it.
public struct MitigationPlan: Sendable, Hashable {
    /// How the set was found: every smaller set was tried (exact), or one lever was
    /// added at a time, the one that lowered the score most (greedy), because the levers
    /// were too many to try every combination.
    public enum Method: String, Sendable, Hashable {
        case exact, greedy
    }

    /// A pack's verdict at some point of the plan.
    public struct Verdict: Sendable, Hashable {
        public var score: Double
        public var worst: Double
        public var band: Band
        public var worstBand: Band
    }

    public struct Step: Sendable, Hashable {
        public var rule: String
        public var mitigation: String
        public var changes: [FactOverride]
        public var after: Verdict
        /// Rules that fired or were unknown before this step and pass after it.
        public var passes: [String]
    }

    /// A rule that still counts once every lever is pulled.
    public struct Obstacle: Sendable, Hashable {
        public var rule: String
        public var title: String
        public var status: FindingStatus
        /// Its contribution to the measure the target applies to (worst case or score).
        public var contribution: Double
        /// Whether the pack offers any mitigation for it that changes facts.
        public var hasLever: Bool
    }

    public var pack: String
    public var target: Band
    /// Whether the target applies to the worst case (unknown facts counted at their worst).
    public var countsUnknownAtWorst: Bool
    public var start: Verdict
    public var steps: [Step]
    public var reached: Bool
    public var method: Method
    /// Levers the search could pull, and combinations it evaluated.
    public var levers: Int
    public var evaluated: Int
    /// When the target cannot be reached, what stands in the way.
    public var obstacles: [Obstacle]

    /// The options that reproduce the plan's end state with `arbiter score`.
    public var options: String {
        steps.flatMap(\.changes).options
    }
}
