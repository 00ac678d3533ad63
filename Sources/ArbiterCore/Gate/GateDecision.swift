/// Whether a project passes the gate, and every reason it does not.
public struct GateDecision: Hashable, Sendable {
    /// What kind of reason failed the gate, so a board can tell a project that is known
    /// to be risky from one that is missing facts.
    public enum Cause: String, Hashable, Sendable, CaseIterable, Comparable {
        /// The band on known facts alone reaches the gate's band.
        case knownRisk = "known-risk"
        /// An enforced finding of the gate's severity or worse fired.
        case finding = "critical-finding"
        /// Only unknown facts, counted at their worst, take it there (or too little is known).
        case missingFacts = "missing-facts"
        /// Worse than the baseline: a band rose or a finding is new.
        case baselineChange = "baseline-change"

        public var label: String {
            switch self {
            case .knownRisk: "known risk"
            case .finding: "critical finding"
            case .missingFacts: "missing facts"
            case .baselineChange: "baseline change"
            }
        }

        public static func < (lhs: Cause, rhs: Cause) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var passed: Bool
    public var reasons: [String]
    /// The cause of each reason, in the same order.
    public var causes: [Cause]
    /// An unknown rule that did not fail the project but could change its verdict.
    public struct Warning: Hashable, Sendable {
        public var pack: String
        public var rule: String
        /// "DA-OVS-002 [high] is unknown (missing: …): title".
        public var text: String

        public init(pack: String, rule: String, text: String) {
            self.pack = pack
            self.rule = rule
            self.text = text
        }
    }

    /// Unknown rules that did not fail the project but could change its verdict, each
    /// naming the missing facts (decisive gate only).
    public var warnings: [Warning]

    public init(passed: Bool, reasons: [String], causes: [Cause] = [], warnings: [Warning] = []) {
        self.passed = passed
        self.reasons = reasons
        self.causes = causes
        self.warnings = warnings
    }

    /// Each cause once, in the order of `Cause.allCases`.
    public var causeClasses: [Cause] { Array(Set(causes)).sorted() }
}
