import ArbiterCore
import ArbiterReport
import ArbiterYAML
import Foundation

/// Evaluates many dossiers on a bounded pool of worker threads and writes every
/// report in input order, whatever the thread count. The only code that knows about
/// threads.
///
/// Workers read, load, decode, evaluate and render each file; whichever worker
/// completes the next file in order writes it. Workers never run more than a small
/// window ahead of the writer, so memory stays flat however many files there are.
final class BatchRunner: @unchecked Sendable {
    struct Sink {
        var reporter: any Reporter
        var output: OutputSink
    }

    struct Settings {
        var jobs: Int
        var policy: GatePolicy?
        var baseline: Baseline?
        var coloredDiagnostics: Bool
        var progress: Bool
    }

    /// What one file gave, on its way from a worker to the writer. A class: it is moved
    /// through a worker's list, the table of finished files and the writer, and as a
    /// struct each move had retained every field.
    private final class Outcome {
        let chunks: [ReportChunk]
        let diagnostics: String
        let errors: [Diagnostic]
        /// What the writer needs of a scored project; nil when the file failed.
        let scored: Scored?
        let matchedWaivers: Set<Int>

        init(chunks: [ReportChunk], diagnostics: String, errors: [Diagnostic], scored: Scored?, matchedWaivers: Set<Int>) {
            self.chunks = chunks
            self.diagnostics = diagnostics
            self.errors = errors
            self.scored = scored
            self.matchedWaivers = matchedWaivers
        }
    }

    /// A scored project as the writer sees it: its identity and counts, and the whole
    /// result only when a report needs every project at the end. Otherwise the result
    /// is freed by the worker that built it: freed by the writer, it had released the
    /// worker's compiled rules from the other core for every file, and two workers
    /// spent their time passing those reference counts back and forth.
    private struct Scored {
        var id: String
        var file: String
        var idRange: SourceRange
        var band: Band
        var gateFailed: Bool
        var project: ProjectResult?
    }

    private let workspace: Workspace
    private let sinks: [Sink]
    /// Whether some report needs every project at the end (HTML, Markdown, text).
    private let keepsProjects: Bool
    private let settings: Settings
    private let context: ReportContext
    /// What a worker evaluates and renders with: worker 0 uses the workspace's rule set,
    /// each other worker a private copy (see `Workspace.privateRuleSet`), with its own
    /// report context and reporters prepared for it. Nothing a worker touches per file is
    /// shared, so no reference count bounces between the cores, and the JSON pieces its
    /// reporter renders are for the very rules that worker's findings point at. A class,
    /// so that handing them to each file's work is one reference, not a copy of every field.
    private final class Tools {
        let evaluator: Evaluator
        let dossiers: DossierLoader
        let reporters: [any Reporter]
        let context: ReportContext
        let folder = FolderHandle()

        init(evaluator: Evaluator, dossiers: DossierLoader, reporters: [any Reporter], context: ReportContext) {
            self.evaluator = evaluator
            self.dossiers = dossiers
            self.reporters = reporters
            self.context = context
        }
    }

    private let waivers: WaiverBook

    // State below is guarded by `condition`.
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToWrite = 0
    /// Workers waiting for the writer to catch up with the window.
    private var waiting = 0
    private var finished: [Int: Outcome] = [:]
    private var wroteItem: [Bool]
    private var summary = RunSummary()
    private var matchCounts: [Int: Int] = [:]
    /// Project ids seen so far, by hash, with the ordinal of the walk item that used each
    /// first: a few bytes per file and no path, so memory stays flat for large runs.
    /// (A 64-bit hash collision among 50,000 ids has a probability near 10^-10.)
    private var seenIds = FirstSeenTable()
    private var walk: DossierFinder
    /// A fresh walk over the same paths, to name the first file of a duplicate id.
    private let rewalk: () -> DossierFinder
    private var walkFinished = false
    private var total: Int?
    private var lastProgress = ContinuousClock.now

    init(workspace: Workspace, sinks: [Sink], settings: Settings, context: ReportContext,
         files: DossierFinder, rewalk: @escaping () -> DossierFinder) {
        self.walk = files
        self.rewalk = rewalk
        self.workspace = workspace
        self.sinks = sinks
        self.keepsProjects = sinks.contains { $0.reporter.needsAllProjects }
        self.settings = settings
        self.context = context
        self.waivers = WaiverBook(waivers: workspace.waivers, asOf: workspace.asOf)
        self.wroteItem = Array(repeating: false, count: sinks.count)
    }

    /// Runs every file of the walk and returns the summary; reports are complete when it
    /// returns. `total` is the number of files, when known, for the progress bar.
    func run(total: Int?) -> RunSummary {
        HeapTuning.forBatch()
        self.total = total
        for sink in sinks { sink.output.write(sink.reporter.begin(context)) }
        let window = max(8, settings.jobs * 8)
        // Files are claimed a few at a time: one lock round per claim and per store was a
        // handoff between the threads for every file.
        let claimSize = settings.jobs > 1 ? 4 : 1
        DispatchQueue.concurrentPerform(iterations: max(1, settings.jobs)) { worker in
            var tools: Tools?
            var claimed: [(index: Int, path: String)] = []
            var outcomes: [(index: Int, outcome: Outcome)] = []
            while true {
                claimed.removeAll(keepingCapacity: true)
                condition.lock()
                while nextToClaim - nextToWrite >= window {
                    waiting += 1
                    condition.wait()
                    waiting -= 1
                }
                // The walk is read under the lock: it hands each file to exactly one worker.
                while claimed.count < claimSize, !walkFinished {
                    guard let item = walk.next() else {
                        walkFinished = true
                        break
                    }
                    let index = nextToClaim
                    nextToClaim += 1
                    switch item {
                    case .file(let path): claimed.append((index, path))
                    case .problem(let problem): store(failed([problem], source: nil), at: index)
                    }
                }
                let done = claimed.isEmpty && walkFinished
                condition.unlock()
                if done { return }
                if claimed.isEmpty { continue }

                if tools == nil {
                    // Compiled on the worker's own thread when it first has work, so its
                    // objects come from that thread's malloc arena and share no cache line
                    // with another worker's; a worker that never gets a file compiles nothing.
                    tools = makeTools(worker: worker)
                }
                outcomes.removeAll(keepingCapacity: true)
                if let tools {
                    for (index, path) in claimed { outcomes.append((index, process(path, with: tools))) }
                }

                condition.lock()
                for (index, outcome) in outcomes { store(outcome, at: index) }
                condition.unlock()
            }
        }
        if settings.progress { Terminal.writeError("\r\u{1B}[K") }
        summary.waivers = waivers.outcomes(matchCounts: matchCounts)
        for sink in sinks { sink.output.write(sink.reporter.end(summaryFor(sink), context: context)) }
        return summary
    }

    private func makeTools(worker: Int) -> Tools {
        let ruleSet = worker == 0 ? workspace.ruleSet : workspace.privateRuleSet()
        let context = worker == 0 ? context : ReportContext(toolVersion: context.toolVersion, asOf: context.asOf, packs: ruleSet.packs,
                                                            gated: context.gated, colored: context.colored)
        return Tools(evaluator: Evaluator(ruleSet: ruleSet, asOf: workspace.asOf),
                     dossiers: DossierLoader(schema: ruleSet.schema, loader: YAMLLoader(limits: workspace.loaderLimits)),
                     reporters: sinks.map { $0.reporter.prepared(for: context) }, context: context)
    }

    private func summaryFor(_ sink: Sink) -> RunSummary {
        var copy = summary
        if !sink.reporter.needsAllProjects { copy.projects = [] }
        return copy
    }

    /// Called with the lock held: files the outcome and writes every outcome that is now
    /// next in order.
    private func store(_ outcome: Outcome, at index: Int) {
        finished[index] = outcome
        var wrote = false
        while let ready = finished.removeValue(forKey: nextToWrite) {
            write(ready)
            nextToWrite += 1
            wrote = true
        }
        // Only a worker held back by the window waits; waking nobody costs nothing.
        if wrote && waiting > 0 { condition.broadcast() }
    }

    /// The path of walk item `ordinal`, found by walking again: only a duplicate id needs
    /// an earlier file's path, and keeping every path for that would grow with the run.
    private func path(ofItem ordinal: Int) -> String {
        let again = rewalk()
        var position = 0
        while let item = again.next() {
            if position == ordinal, case .file(let path) = item { return path }
            position += 1
        }
        return "an earlier dossier"
    }

    /// Called with the lock held, strictly in input order.
    private func write(_ outcome: Outcome) {
        if !outcome.diagnostics.isEmpty {
            if settings.progress { Terminal.writeError("\r\u{1B}[K") }
            Terminal.writeError(outcome.diagnostics)
        }
        summary.errors += outcome.errors
        if let project = outcome.scored,
           let firstIndex = seenIds.firstOrdinal(of: StableHash.of(project.id), recording: UInt32(truncatingIfNeeded: nextToWrite)) {
            let first = path(ofItem: Int(firstIndex))
            // Ids name projects in baselines and waivers; two files with one id would be ambiguous.
            let duplicate = Diagnostic.error("dossier.duplicate-id", "project id '\(project.id)' is already used by \(first)",
                                             file: project.file, range: project.idRange,
                                             notes: [.hint("give each dossier its own id")])
            Terminal.writeError(Console.render([duplicate], source: nil, colored: settings.coloredDiagnostics))
            summary.errors.append(duplicate)
            return
        }
        if let scored = outcome.scored {
            summary.count(band: scored.band, gateFailed: scored.gateFailed)
            if let project = scored.project { summary.projects.append(project) }
        }
        for waiver in outcome.matchedWaivers { matchCounts[waiver, default: 0] += 1 }
        for (index, sink) in sinks.enumerated() where !outcome.chunks[index].isEmpty {
            // Written one after the other: joining them first copied every chunk again.
            if wroteItem[index] { sink.output.write(sink.reporter.separator) }
            sink.output.write(outcome.chunks[index])
            wroteItem[index] = true
        }
        if settings.progress, let total {
            let now = ContinuousClock.now
            let done = min(nextToWrite + 1, total)
            if now - lastProgress > .milliseconds(100) || done == total {
                lastProgress = now
                let width = 30
                let filled = total == 0 ? width : done * width / total
                Terminal.writeError("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)")
            }
        }
    }

    private func process(_ path: String, with tools: Tools) -> Outcome {
        let limit = workspace.loaderLimits.maxFileSize
        let bytes: [UInt8]
        switch FileInput.read(path, limit: limit, folder: tools.folder) {
        case .success(let read): bytes = read
        case .failure(let failure):
            let diagnostic = FileInput.diagnostic(failure, path: path == "-" ? "<stdin>" : path, limit: limit)
            return failed([diagnostic], source: nil)
        }
        let display = path == "-" ? "<stdin>" : path
        switch tools.dossiers.load(path: display, bytes: bytes) {
        case .failure(let error):
            return failed(error.diagnostics, source: SourceText(file: display, bytes: bytes))
        case .success(let dossier):
            var project = tools.evaluator.evaluate(dossier)
            let matched = waivers.apply(to: &project)
            if let policy = settings.policy {
                project.gate = Gate.decide(project, policy: policy, baseline: settings.baseline?.projects[project.id])
            }
            let chunks = tools.reporters.map { $0.chunk(for: project, context: tools.context) }
            let scored = Scored(id: project.id, file: project.file, idRange: project.idRange, band: project.band,
                                gateFailed: project.gate?.passed == false, project: keepsProjects ? project : nil)
            return Outcome(chunks: chunks, diagnostics: "", errors: [], scored: scored, matchedWaivers: matched)
        }
    }

    private func failed(_ diagnostics: [Diagnostic], source: SourceText?) -> Outcome {
        Outcome(chunks: sinks.map { _ in ReportChunk("") }, diagnostics: Console.render(diagnostics, source: source, colored: settings.coloredDiagnostics),
                errors: diagnostics.filter { $0.severity == .error }, scored: nil, matchedWaivers: [])
    }
}
