/// How a rule ended for one dossier. `waived` is a fired or unknown finding that an
/// applicable waiver covers; `notApplicable` a rule whose relevance guard (`applies:`)
/// is false for the project, which is listed apart and counts nowhere.
public enum FindingStatus: String, Hashable, Sendable, CaseIterable, BitwiseCopyable {
    case fired, passed, unknown, waived
    case notApplicable = "not-applicable"

    /// Passed or not applicable: the rule reports no risk and reports do not explain it.
    @inlinable
    public var isClear: Bool { self == .passed || self == .notApplicable }
}
