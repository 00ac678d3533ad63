/// The outcome of one rule for one dossier, with everything needed to explain it.
/// The rule's own texts (title, references, mitigations) are read through `definition`;
/// evidence and missing facts are worked out from the dossier's `FactSheet`. A pack
/// result keeps its findings as compact records in a `FindingList`, which builds a
/// `Finding` when one is asked for.
///
/// Built by the memberwise initialiser on purpose: with a hand-written one, Swift built
/// every finding in a temporary and copied it out, four retains per rule and dossier.
public struct Finding: Hashable, Sendable {
    public let definition: CompiledRule
    /// fired, passed or unknown as evaluated; see `status` for the reported value.
    public var outcome: FindingStatus
    /// What the finding adds to the score: `weight × c` when fired, 0 otherwise.
    public var contribution: Double
    /// The most it could add once every missing fact is known.
    public var maxContribution: Double
    /// The dossier's facts; nil for passed findings, which reports do not explain.
    @usableFromInline let sheet: FactSheet?
    /// Facts that would settle an unknown finding (or its scale).
    @usableFromInline var missingFacts: MissingFacts
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

    /// The rule's message rendered with the dossier's facts when the rule fired; an
    /// unknown finding's message would be mostly "unknown", so it shows the rule's
    /// title; empty for passed findings.
    public var message: String {
        switch outcome {
        case .passed, .notApplicable: return ""
        case .fired:
            guard let sheet else { return definition.title }
            let context = EvaluationContext(facts: sheet.facts, today: sheet.today, budget: sheet.stepBudget)
            return definition.message.render(context)
        case .unknown, .waived: return definition.title
        }
    }

    /// The facts the rule read that the dossier states, in the rule's reading order;
    /// empty for passed findings.
    public var evidence: [Evidence] {
        var list: [Evidence] = []
        forEachEvidence { slot, path, fact, sources in
            list.append(Evidence(path: path, value: fact.value, range: fact.range, sources: sources, search: sheet?.searches[slot]))
        }
        return list
    }

    /// Calls `body` with each fact the rule read that the dossier states, in the order
    /// of `evidence`, without building that array: a JSON report writes the evidence of
    /// every finding, and building, copying and freeing the array was a tenth of it.
    public func forEachEvidence(_ body: (_ path: String, _ fact: Fact, _ sources: [String]) -> Void) {
        forEachEvidence { _, path, fact, sources in body(path, fact, sources) }
    }

    /// `forEachEvidence` with each fact's schema slot, for reporters that render a fact
    /// once per dossier and reuse it in every finding that cites it.
    public func forEachEvidence(_ body: (_ slot: Int, _ path: String, _ fact: Fact, _ sources: [String]) -> Void) {
        guard let sheet else { return }
        // Each argument is lent where it is stored: copying the path, the fact and its
        // sources out for every item of every finding written retained all three.
        sheet.paths.withUnsafeBufferPointer { paths in
            for slot in definition.reads {
                _ = sheet.facts.withElement(at: slot) { fact in
                    if sheet.citedSources.withElement(at: slot, { body(slot, paths[slot], fact, $0) }) == nil {
                        body(slot, paths[slot], fact, [])
                    }
                }
            }
        }
    }

    /// The search that stands for the fact at `slot`, when a search rather than the
    /// dossier's own record gives its value.
    public func search(atSlot slot: Int) -> Search? {
        guard let sheet, !sheet.searches.isEmpty else { return nil }
        return sheet.searches[slot]
    }

    /// The first fact the rule read that the dossier states, without building the rest.
    public var primaryEvidence: Evidence? {
        guard let sheet, let slot = definition.reads.first(where: sheet.facts.isSet), let fact = sheet.facts[slot] else {
            return nil
        }
        return Evidence(path: sheet.paths[slot], value: fact.value, range: fact.range, sources: sheet.citedSources[slot, default: []],
                        search: sheet.searches[slot])
    }

    /// Paths of the facts that would settle an unknown finding (or its scale).
    public var missing: [String] {
        var paths: [String] = []
        forEachMissingPath { paths.append($0) }
        return paths
    }

    /// Calls `body` with each path of `missing`, in order, without building the array.
    public func forEachMissingPath(_ body: (String) -> Void) {
        guard let sheet, !missingFacts.isEmpty else { return }
        missingFacts.forEachSlot(reads: definition.reads) { body(sheet.paths[$0]) }
    }

    // Inlined so that asking an array element for its status or decidedness reads two
    // or three fields in place; a call copied the whole finding, retaining every field.

    /// The reported status: `waived` when an applied waiver covers the finding.
    @inlinable
    public var status: FindingStatus { Self.status(outcome: outcome, waiver: waiver) }

    /// True when the finding counts toward a gate decision.
    @inlinable
    public var isEnforced: Bool { !advisory && status != .waived }

    /// Decided: the outcome and its size are both known.
    @inlinable
    public var isDecided: Bool { Self.isDecided(outcome: outcome, missingFacts: !missingFacts.isEmpty, faulted: fault != nil) }

    // The two rules above, shared with `FindingList`, which answers them from its records.

    @inlinable
    static func status(outcome: FindingStatus, waiver: WaiverMark?) -> FindingStatus {
        waiver?.state == .applied && !outcome.isClear ? .waived : outcome
    }

    @inlinable
    static func isDecided(outcome: FindingStatus, missingFacts: Bool, faulted: Bool) -> Bool {
        outcome.isClear || (outcome == .fired && !missingFacts && !faulted)
    }

    // Equal findings say the same thing: compared on what reports show, not on which
    // fact sheet object they read it from.
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.definition == rhs.definition && lhs.outcome == rhs.outcome && lhs.contribution == rhs.contribution
            && lhs.maxContribution == rhs.maxContribution && lhs.message == rhs.message && lhs.fault == rhs.fault
            && lhs.advisory == rhs.advisory && lhs.waiver == rhs.waiver && lhs.evidence == rhs.evidence
            && lhs.missing == rhs.missing
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(definition)
        hasher.combine(outcome)
        hasher.combine(contribution)
        hasher.combine(message)
    }
}
