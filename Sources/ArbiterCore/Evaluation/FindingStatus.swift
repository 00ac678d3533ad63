/// How a rule ended for one dossier. `waived` is a fired or unknown finding that an
/// applicable waiver covers.
public enum FindingStatus: String, Hashable, Sendable, CaseIterable, BitwiseCopyable {
    case fired, passed, unknown, waived
}
