import ArbiterCore

/// The gate's settings as a caller names them — flags on the command line, parameters
/// of a request — resolved over `gate:` in `.arbiter.yaml` and then the defaults. One
/// resolution for every runner, so `arbiter gate` and `POST /v1/gate` from one folder
/// decide alike.
public struct GateSettings: Sendable, Equatable {
    public var failOn: Band?
    /// `.some(nil)` is `none`: no severity fails the gate by itself.
    public var failOnSeverity: Severity??
    public var unknown: GatePolicy.UnknownTreatment?
    /// `.some(nil)` is `none`: no unknown rule fails the gate on its own.
    public var failOnUnknown: Severity??
    public var minCompleteness: Double?

    public init(failOn: Band? = nil, failOnSeverity: Severity?? = nil, unknown: GatePolicy.UnknownTreatment? = nil,
                failOnUnknown: Severity?? = nil, minCompleteness: Double? = nil) {
        self.failOn = failOn
        self.failOnSeverity = failOnSeverity
        self.unknown = unknown
        self.failOnUnknown = failOnUnknown
        self.minCompleteness = minCompleteness
    }

    /// `none` or a severity's name; nil when it is neither.
    public static func severityThreshold(_ text: String) -> Severity?? {
        if text == "none" { return .some(nil) }
        return Severity(rawValue: text).map { .some($0) }
    }

    /// What the caller named, else what the configuration says, else the defaults.
    public func policy(config: ProjectConfig) -> GatePolicy {
        var policy = GatePolicy()
        if let failOn = failOn ?? config.failOn { policy.failOn = failOn }
        if let threshold = failOnSeverity ?? config.failOnSeverity { policy.failOnSeverity = threshold }
        if let unknown = unknown ?? config.unknown { policy.unknown = unknown }
        if let threshold = failOnUnknown ?? config.failOnUnknown { policy.failOnUnknown = threshold }
        if let share = minCompleteness ?? config.minCompleteness { policy.minCompleteness = share }
        return policy
    }
}
