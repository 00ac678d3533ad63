/// The outcome of one rule for one dossier, with everything needed to explain it.
/// The rule's own texts (title, references, mitigations) are read through `definition`.
public struct Finding: Hashable, Sendable {
    public let definition: CompiledRule
    /// fired, passed or unknown as evaluated; see `status` for the reported value.
    public var outcome: FindingStatus
    /// What the finding adds to the score: `weight × c` when fired, 0 otherwise.
    public var contribution: Double
    /// The most it could add once every missing fact is known.
    public var maxContribution: Double
    /// The rendered message; empty for passed findings, which reports do not explain.
    public var message: String
    /// The facts the rule read that the dossier states; empty for passed findings.
    public var evidence: [Evidence]
    /// Facts that would settle an unknown finding (or its scale).
    public var missing: [String]
    /// Why evaluation could not finish (division by zero, step budget); nil normally.
    public var fault: String?
    /// Before the rule's `enforce_from` date: shown and scored, never fails a gate.
    public var advisory: Bool
    public var waiver: WaiverMark?

    public var rule: String { definition.id }
    public var title: String { definition.title }
    public var category: String { definition.category }
    public var severity: Severity { definition.severity }
    public var weight: Double { definition.weight }
    public var references: [Reference] { definition.references }
    public var mitigations: [String] { definition.mitigations }

    // Inlined so that asking an array element for its status or decidedness reads two
    // or three fields in place; a call copied the whole finding, retaining every field.

    /// The reported status: `waived` when an applied waiver covers the finding.
    @inlinable
    public var status: FindingStatus {
        waiver?.state == .applied && outcome != .passed ? .waived : outcome
    }

    /// True when the finding counts toward a gate decision.
    @inlinable
    public var isEnforced: Bool { !advisory && status != .waived }

    /// Decided: the outcome and its size are both known.
    @inlinable
    public var isDecided: Bool { outcome == .passed || (outcome == .fired && missing.isEmpty && fault == nil) }
}
