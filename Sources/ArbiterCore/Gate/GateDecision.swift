/// Whether a project passes the gate, and every reason it does not.
public struct GateDecision: Hashable, Sendable {
    public var passed: Bool
    public var reasons: [String]

    public init(passed: Bool, reasons: [String]) {
        self.passed = passed
        self.reasons = reasons
    }
}
