/// A pack's findings for one dossier, in pack order, stored compactly and handed out
/// as `Finding` values when asked.
///
/// Each rule's outcome is kept as a record of plain numbers, with the pack's rules and
/// the dossier's fact sheet held once for the whole list. An audit evaluates every rule
/// of every dossier, and a CSV row or a gate decision reads only outcomes and numbers:
/// storing a `Finding` per rule had retained its rule and fact sheet on creation and
/// released both again on destruction, about four atomic reference-count operations per
/// rule and a sixth of a single-threaded audit. The per-position accessors
/// (`outcome(at:)`, `status(at:)`, …) read the record without building a `Finding`.
public struct FindingList: RandomAccessCollection, Hashable, Sendable {
    /// One rule's outcome as plain bits, so that copying and freeing records touches no
    /// reference count. What is rare — a fault, missing facts past the 63rd read of a
    /// rule, a waiver — lives in side tables of the list.
    @usableFromInline
    struct Record: Sendable, BitwiseCopyable {
        @usableFromInline var outcome: FindingStatus
        @usableFromInline var advisory: Bool
        /// Index into `faults`, or -1.
        @usableFromInline var fault: Int32
        /// `MissingFacts.firstPositions`.
        @usableFromInline var missingPositions: UInt64
        /// Index into `laterMissing`, or -1.
        @usableFromInline var laterMissing: Int32
        @usableFromInline var contribution: Double
        @usableFromInline var maxContribution: Double

        @usableFromInline
        var hasMissingFacts: Bool { missingPositions != 0 || laterMissing >= 0 }
    }

    /// The pack's rules, one per finding.
    public let rules: [CompiledRule]
    /// The dossier's facts, for the evidence, missing paths and messages of findings.
    let sheet: FactSheet?
    @usableFromInline var records: [Record]
    /// Fault messages, indexed by `Record.fault`; empty unless evaluation faulted.
    var faults: [String]
    /// `MissingFacts.laterPositions`, indexed by `Record.laterMissing`; empty unless a
    /// rule reads more than 63 facts.
    var laterMissing: [[Int]]
    /// Waiver marks by position; empty until a waiver is set on a finding.
    @usableFromInline var waivers: [WaiverMark?]

    init(rules: [CompiledRule], sheet: FactSheet?, records: [Record], faults: [String], laterMissing: [[Int]]) {
        self.rules = rules
        self.sheet = sheet
        self.records = records
        self.faults = faults
        self.laterMissing = laterMissing
        self.waivers = []
    }

    /// A record of the given outcome; a fault or long list of missing facts goes into
    /// the side tables.
    static func record(outcome: FindingStatus, advisory: Bool, fault: String?, missing: MissingFacts,
                       contribution: Double, maxContribution: Double,
                       faults: inout [String], laterMissing: inout [[Int]]) -> Record {
        var faultIndex: Int32 = -1
        if let fault {
            faultIndex = Int32(faults.count)
            faults.append(fault)
        }
        var laterIndex: Int32 = -1
        if let later = missing.laterPositions {
            laterIndex = Int32(laterMissing.count)
            laterMissing.append(later)
        }
        return Record(outcome: outcome, advisory: advisory, fault: faultIndex, missingPositions: missing.firstPositions,
                      laterMissing: laterIndex,
                      contribution: contribution, maxContribution: maxContribution)
    }

    func missingFacts(of record: Record) -> MissingFacts {
        MissingFacts(firstPositions: record.missingPositions,
                     laterPositions: record.laterMissing < 0 ? nil : laterMissing[Int(record.laterMissing)])
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The finding at `position`. Setting one stores its outcome, numbers, fault and
    /// waiver back; its rule and facts stay those of the list.
    public subscript(position: Int) -> Finding {
        get {
            let record = records[position]
            return Finding(definition: rules[position], outcome: record.outcome, contribution: record.contribution,
                           maxContribution: record.maxContribution, sheet: record.outcome.isClear ? nil : sheet,
                           missingFacts: missingFacts(of: record), fault: record.fault < 0 ? nil : faults[Int(record.fault)],
                           advisory: record.advisory, waiver: waivers.isEmpty ? nil : waivers[position])
        }
        set {
            precondition(newValue.definition === rules[position], "a finding can only replace one of the same rule")
            records[position] = Self.record(outcome: newValue.outcome, advisory: newValue.advisory, fault: newValue.fault,
                                            missing: newValue.missingFacts, contribution: newValue.contribution,
                                            maxContribution: newValue.maxContribution, faults: &faults,
                                            laterMissing: &laterMissing)
            if newValue.waiver != nil && waivers.isEmpty { waivers = Array(repeating: nil, count: records.count) }
            if !waivers.isEmpty { waivers[position] = newValue.waiver }
        }
    }

    // MARK: reading one finding without building it

    /// fired, passed or unknown as evaluated.
    @inlinable
    package func outcome(at position: Int) -> FindingStatus { records[position].outcome }

    /// The reported status: `waived` when an applied waiver covers a finding that did not pass.
    @inlinable
    package func status(at position: Int) -> FindingStatus {
        Finding.status(outcome: records[position].outcome, waiver: waivers.isEmpty ? nil : waivers[position])
    }

    @inlinable
    package func contribution(at position: Int) -> Double { records[position].contribution }

    @inlinable
    package func maxContribution(at position: Int) -> Double { records[position].maxContribution }

    /// True when the finding counts toward a gate decision: not advisory, not waived
    /// (as `Finding.isEnforced`).
    @inlinable
    package func isEnforced(at position: Int) -> Bool {
        !records[position].advisory && status(at: position) != .waived
    }

    /// Decided: the outcome and its size are both known.
    @inlinable
    package func isDecided(at position: Int) -> Bool {
        let record = records[position]
        return Finding.isDecided(outcome: record.outcome, missingFacts: record.hasMissingFacts, faulted: record.fault >= 0)
    }

    /// How many findings are fired, unknown, waived and not applicable, by reported status.
    package func statusCounts() -> (fired: Int, unknown: Int, waived: Int, notApplicable: Int) {
        var fired = 0, unknown = 0, waived = 0, notApplicable = 0
        for position in records.indices {
            switch status(at: position) {
            case .fired: fired += 1
            case .unknown: unknown += 1
            case .waived: waived += 1
            case .notApplicable: notApplicable += 1
            case .passed: break
            }
        }
        return (fired, unknown, waived, notApplicable)
    }

    // MARK: equality

    // Equal lists say the same things, finding by finding, whatever their storage.
    public static func == (lhs: FindingList, rhs: FindingList) -> Bool {
        lhs.elementsEqual(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for finding in self { hasher.combine(finding) }
    }
}
