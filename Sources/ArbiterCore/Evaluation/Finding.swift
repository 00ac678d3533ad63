/// The outcome of one rule for one dossier, with everything needed to explain it.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var title: String
    public var category: String
    public var severity: Severity
    /// fired, passed or unknown as evaluated; see `status` for the reported value.
    public var outcome: FindingStatus
    public var weight: Double
    /// What the finding adds to the score: `weight × c` when fired, 0 otherwise.
    public var contribution: Double
    /// The most it could add once every missing fact is known.
    public var maxContribution: Double
    public var message: String
    public var evidence: [Evidence]
    /// Facts that would settle an unknown finding (or its scale).
    public var missing: [String]
    /// Why evaluation could not finish (division by zero, step budget); nil normally.
    public var fault: String?
    /// Before the rule's `enforce_from` date: shown and scored, never fails a gate.
    public var advisory: Bool
    public var references: [Reference]
    public var mitigations: [String]
    public var waiver: WaiverMark?

    /// The reported status: `waived` when an applied waiver covers the finding.
    public var status: FindingStatus {
        waiver?.state == .applied && outcome != .passed ? .waived : outcome
    }

    /// True when the finding counts toward a gate decision.
    public var isEnforced: Bool { !advisory && status != .waived }

    /// Decided: the outcome and its size are both known.
    public var isDecided: Bool { outcome == .passed || (outcome == .fired && missing.isEmpty && fault == nil) }
}
