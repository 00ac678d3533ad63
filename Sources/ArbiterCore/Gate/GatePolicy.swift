/// When the gate fails a project.
public struct GatePolicy: Hashable, Sendable {
    /// How unknown findings count.
    public enum UnknownTreatment: String, Hashable, Sendable, CaseIterable {
        /// The default: fail on the known band, on an unknown rule of `failOnUnknown`
        /// severity or worse, and on too little known; the other unknowns are warnings.
        case decisive
        /// Every unknown counts at its largest contribution.
        case worst
        /// Unknowns count for nothing.
        case best
    }

    public var failOn: Band
    public var failOnSeverity: Severity?
    public var unknown: UnknownTreatment
    /// With `decisive`: an enforced rule of this severity or worse that is unknown fails
    /// the project; nil lets no unknown rule fail it on its own.
    public var failOnUnknown: Severity?
    /// With `decisive`: the least share of a pack's applicable weight that must be known.
    public var minCompleteness: Double

    public init(failOn: Band = .high, failOnSeverity: Severity? = .critical, unknown: UnknownTreatment = .decisive,
                failOnUnknown: Severity? = .critical, minCompleteness: Double = 0.5) {
        self.failOn = failOn
        self.failOnSeverity = failOnSeverity
        self.unknown = unknown
        self.failOnUnknown = failOnUnknown
        self.minCompleteness = minCompleteness
    }
}
