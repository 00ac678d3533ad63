/// The smallest set of a pack's mitigations that brings it to a target band, as steps in
/// the order that lowers it fastest, each with the verdict after it.
package struct MitigationPlan: Sendable, Hashable {
    /// How the set was found: every smaller set was tried (exact), or one lever was
    /// added at a time, the one that lowered the score most (greedy), because the levers
    /// were too many to try every combination.
    package enum Method: String, Sendable, Hashable {
        case exact, greedy
    }

    /// A pack's verdict at some point of the plan.
    package struct Verdict: Sendable, Hashable {
        package var score: Double
        package var worst: Double
        package var band: Band
        package var worstBand: Band
    }

    package struct Step: Sendable, Hashable {
        package var rule: String
        package var mitigation: String
        package var changes: [FactOverride]
        package var after: Verdict
        /// Rules that fired or were unknown before this step and pass after it.
        package var passes: [String]
    }

    /// A rule that still counts once every lever is pulled.
    package struct Obstacle: Sendable, Hashable {
        package var rule: String
        package var title: String
        package var status: FindingStatus
        /// Its contribution to the measure the target applies to (worst case or score).
        package var contribution: Double
        /// Whether the pack offers any mitigation for it that changes facts.
        package var hasLever: Bool
    }

    package var pack: String
    package var target: Band
    /// Whether the target applies to the worst case (unknown facts counted at their worst).
    package var countsUnknownAtWorst: Bool
    package var start: Verdict
    package var steps: [Step]
    package var reached: Bool
    package var method: Method
    /// Levers the search could pull, and combinations it evaluated.
    package var levers: Int
    package var evaluated: Int
    /// When the target cannot be reached, what stands in the way.
    package var obstacles: [Obstacle]

    /// The options that reproduce the plan's end state with `arbiter score`.
    package var options: String {
        steps.flatMap(\.changes).options
    }
}
