import ArbiterCore

/// One output format. Rendering is pure: the same inputs give the same bytes, with no
/// clock, environment or working directory involved.
///
/// Streaming formats emit `begin`, then one `project` chunk per dossier in input
/// order, then `end`, so a batch never holds every result in memory. Formats whose
/// layout needs everything at once (a summary table on top) set `needsAllProjects`
/// and render in `end`.
public protocol Reporter: Sendable {
    var needsAllProjects: Bool { get }
    /// Whether `end` needs a `ProjectLine` of every project (a table sorted by risk),
    /// which costs far less than keeping every result.
    var needsProjectLines: Bool { get }
    func begin(_ context: ReportContext) -> String
    /// Written between two non-empty project chunks (a comma in JSON), so chunks can be
    /// rendered on worker threads without knowing what came before them.
    var separator: String { get }
    func project(_ project: ProjectResult, context: ReportContext) -> String
    /// The same as `project`, as a chunk for a batch to write; reporters that build
    /// bytes hand them over here without making a string of them.
    func chunk(for project: ProjectResult, context: ReportContext) -> ReportChunk
    func end(_ summary: RunSummary, context: ReportContext) -> String
    /// The reporter to render a run's projects with, having done once whatever work
    /// depends only on the context (its packs and rules). The default is the reporter
    /// itself; JSON renders the rule-only parts of its findings here, SARIF indexes its rules.
    func prepared(for context: ReportContext) -> any Reporter
}

extension Reporter {
    public var needsAllProjects: Bool { false }
    public var needsProjectLines: Bool { false }
    public func begin(_ context: ReportContext) -> String { "" }
    public var separator: String { "" }
    public func project(_ project: ProjectResult, context: ReportContext) -> String { "" }
    public func chunk(for project: ProjectResult, context: ReportContext) -> ReportChunk {
        ReportChunk(self.project(project, context: context))
    }
    public func prepared(for context: ReportContext) -> any Reporter { self }

    /// Renders a complete report in one call, as tests and `score` do.
    public func render(_ projects: [ProjectResult], errors: [Diagnostic] = [], waivers: [WaiverOutcome] = [],
                       context: ReportContext) -> String {
        renderChunks(projects, errors: errors, waivers: waivers, context: context, renderer: prepared(for: context))
            .map(\.string).joined()
    }

    /// A complete report as the chunks a batch writes, in order: `begin`, each project
    /// with separators between them, `end`. `renderer` is this reporter prepared for
    /// the context's packs, so a caller that renders many reports prepares it once.
    public func renderChunks(_ projects: [ProjectResult], errors: [Diagnostic] = [], waivers: [WaiverOutcome] = [],
                             context: ReportContext, renderer: any Reporter) -> [ReportChunk] {
        var assembler = ReportAssembler(reporter: self, renderer: renderer, context: context)
        for project in projects { assembler.add(project) }
        return assembler.finish(errors: errors, waivers: waivers)
    }
}
