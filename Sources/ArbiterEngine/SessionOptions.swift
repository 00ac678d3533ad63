import ArbiterCore
import ArbiterYAML

/// What a scoring session is built with besides its packs and waivers.
public struct SessionOptions: Sendable {
    /// The date rules and waivers are judged as of, unless a call names another.
    public var asOf: CivilDate
    /// The loader's bounds, for packs, waivers and every dossier.
    public var limits: LoaderLimits
    /// The gate, when the session decides one for each project.
    public var policy: GatePolicy?
    /// An earlier report: the gate then fails only on what it did not have.
    public var baseline: Baseline?
    /// Decode rules' examples, which only `test` runs and `lint` checks.
    public var decodesExamples: Bool

    public init(asOf: CivilDate, limits: LoaderLimits = LoaderLimits(), policy: GatePolicy? = nil, baseline: Baseline? = nil,
                decodesExamples: Bool = false) {
        self.asOf = asOf
        self.limits = limits
        self.policy = policy
        self.baseline = baseline
        self.decodesExamples = decodesExamples
    }
}
