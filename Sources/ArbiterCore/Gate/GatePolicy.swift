/// When the gate fails a project.
public struct GatePolicy: Hashable, Sendable {
    /// How unknown findings count: at their largest contribution, or not at all.
    public enum UnknownTreatment: String, Hashable, Sendable, CaseIterable {
        case worst, best
    }

    public var failOn: Band
    public var failOnSeverity: Severity?
    public var unknown: UnknownTreatment

    public init(failOn: Band = .high, failOnSeverity: Severity? = .critical, unknown: UnknownTreatment = .worst) {
        self.failOn = failOn
        self.failOnSeverity = failOnSeverity
        self.unknown = unknown
    }
}
