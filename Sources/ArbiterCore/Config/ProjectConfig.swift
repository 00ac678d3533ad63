/// The settings of `.arbiter.yaml`: where packs and waivers live, which files a folder
/// run includes, and the gate's thresholds, so `arbiter gate` needs no flags in CI.
/// Paths are relative to the configuration file's folder.
public struct ProjectConfig: Sendable {
    public var rules: [String] = []
    public var waivers: String?
    public var include: [GlobPattern] = []
    public var exclude: [GlobPattern] = []
    public var failOn: Band?
    public var failOnSeverity: Severity??
    public var unknown: GatePolicy.UnknownTreatment?
    /// `.some(nil)` is `none`: no unknown rule fails the gate on its own.
    public var failOnUnknown: Severity??
    public var minCompleteness: Double?
    public var baseline: String?

    public init() {}

    /// Decides whether a path relative to the walk root is part of the run.
    public func selects(_ relativePath: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { $0.matches(relativePath) }) { return false }
        return !exclude.contains { $0.matches(relativePath) }
    }
}
