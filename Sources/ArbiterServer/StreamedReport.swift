import ArbiterCore
import ArbiterEngine
import ArbiterReport
import NIOCore

/// The report the CLI would write for a request's projects, in the format asked for,
/// put together as they are scored (on the scoring pool) and refused with 413 as soon
/// as it grows past the server's answer limit, before a byte of it is sent.
struct StreamedReport {
    private var assembler: ReportAssembler
    /// Project ids and waiver matches, as the CLI's batch runner keeps them.
    private var run: ScoringRun
    private let asOf: CivilDate
    private let limit: Int

    init(served: SessionStore.Served, options: RequestOptions, gated: Bool, limit: Int) {
        run = ScoringRun(session: served.session)
        let session = served.session
        asOf = options.asOf
        self.limit = limit
        var context = ReportContext(toolVersion: ToolVersion.current, asOf: options.asOf, packs: session.ruleSet.packs, gated: gated)
        context.configuration = served.configurationFile
        let reporter = options.format.reporter
        assembler = ReportAssembler(reporter: reporter, renderer: served.renderers[options.format] ?? reporter.prepared(for: context),
                                    context: context)
    }

    /// Adds the project at `ordinal` of the request, or returns the ordinal of the
    /// dossier that used its id first (and adds nothing).
    mutating func add(_ outcome: ProjectOutcome, ordinal: Int) throws -> Int? {
        if case .duplicate(let first) = run.admit(outcome, ordinal: ordinal) { return first }
        assembler.add(outcome.project)
        try check()
        return nil
    }

    /// The answer's buffers, one per chunk, so it is written out without one large copy.
    mutating func finish(errors: [Diagnostic]) throws -> [ByteBuffer] {
        let waivers = run.waiverOutcomes(asOf: asOf)
        let chunks = assembler.finish(errors: errors, waivers: waivers)
        try check()
        return chunks.map { chunk in chunk.withBytes { ByteBuffer(bytes: $0) } }
    }

    private func check() throws {
        guard assembler.byteCount <= limit else {
            throw APIError(.contentTooLarge, "the answer would be over the server's limit of \(limit) bytes",
                           hints: ["send fewer dossiers a request", "ask for a smaller format, such as format=csv"])
        }
    }
}
