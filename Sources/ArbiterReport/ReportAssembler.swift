import ArbiterCore

/// A report put together one project at a time: `begin` on creation, each project's
/// chunk as it is added (with separators), `end` on `finish`. A caller that scores and
/// renders as it goes keeps only the bytes so far, not every result, and can stop as
/// soon as `byteCount` says the report has grown too large. Formats whose `end` needs
/// every project (`needsAllProjects`) keep them until then.
public struct ReportAssembler {
    private let reporter: any Reporter
    private let renderer: any Reporter
    private let context: ReportContext
    private var summary = RunSummary()
    private var first = true
    public private(set) var chunks: [ReportChunk]
    /// The bytes of every chunk so far.
    public private(set) var byteCount: Int

    /// `renderer` is `reporter` prepared for the context's packs.
    public init(reporter: any Reporter, renderer: any Reporter, context: ReportContext) {
        self.reporter = reporter
        self.renderer = renderer
        self.context = context
        let begin = ReportChunk(reporter.begin(context))
        chunks = [begin]
        byteCount = begin.withBytes(\.count)
    }

    public mutating func add(_ project: ProjectResult) {
        summary.count(project)
        if reporter.needsProjectLines { summary.lines.append(ProjectLine(project, listing: context.listing)) }
        guard context.lists(project) else { return }
        if reporter.needsAllProjects { summary.projects.append(project) }
        let chunk = renderer.chunk(for: project, context: context)
        if chunk.isEmpty { return }
        if !first { append(ReportChunk(reporter.separator)) }
        append(chunk)
        first = false
    }

    /// The whole report, ending with the summary of the run's errors and waivers.
    public mutating func finish(errors: [Diagnostic] = [], waivers: [WaiverOutcome] = []) -> [ReportChunk] {
        summary.errors = errors
        summary.waivers = waivers
        append(ReportChunk(reporter.end(summary, context: context)))
        return chunks
    }

    private mutating func append(_ chunk: ReportChunk) {
        byteCount += chunk.withBytes(\.count)
        chunks.append(chunk)
    }
}
