import ArbiterCore

/// One dossier through the whole pipeline: its result with waivers applied and, when
/// the session gates, the gate's decision on it.
public struct ProjectOutcome: Sendable {
    public var project: ProjectResult
    /// Indices into the session's waivers of those that matched a finding here, so a
    /// batch can tell at the end which waivers matched nothing.
    public var matchedWaivers: Set<Int>

    public init(project: ProjectResult, matchedWaivers: Set<Int>) {
        self.project = project
        self.matchedWaivers = matchedWaivers
    }
}
