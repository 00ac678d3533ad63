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

    private struct Outcome {
        var chunks: [String]
        var diagnostics: String
        var errors: [Diagnostic]
        var project: ProjectResult?
        var matchedWaivers: Set<Int>
    }

    private let workspace: Workspace
    private let sinks: [Sink]
    private let settings: Settings
    private let context: ReportContext
    /// What a worker evaluates with: worker 0 uses the workspace's rule set, each other
    /// worker a private copy (see `Workspace.privateRuleSet`).
    private struct Tools {
        var evaluator: Evaluator
        var dossiers: DossierLoader
    }

    private let waivers: WaiverBook

    // State below is guarded by `condition`.
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToWrite = 0
    private var finished: [Int: Outcome] = [:]
    private var wroteItem: [Bool]
    private var summary = RunSummary()
    private var matchCounts: [Int: Int] = [:]
    /// Project ids seen so far, by hash, with the index of the file that used each
    /// first: two integers per file keep memory flat for large runs. (A 64-bit hash
    /// collision among 50,000 ids has a probability near 10^-10.)
    private var seenIds: [Int: Int] = [:]
    private var files = PathList()
    private var lastProgress = ContinuousClock.now

    init(workspace: Workspace, sinks: [Sink], settings: Settings, context: ReportContext) {
        self.workspace = workspace
        self.sinks = sinks
        self.settings = settings
        self.context = context
        self.waivers = WaiverBook(waivers: workspace.waivers, asOf: workspace.asOf)
        self.wroteItem = Array(repeating: false, count: sinks.count)
    }

    /// Runs every file and returns the summary; reports are complete when it returns.
    func run(_ files: PathList, earlierProblems: [Diagnostic]) -> RunSummary {
        self.files = files
        for sink in sinks { sink.output.write(sink.reporter.begin(context)) }
        if !earlierProblems.isEmpty {
            Terminal.writeError(Console.render(earlierProblems, source: nil, colored: settings.coloredDiagnostics))
            summary.errors += earlierProblems
        }
        let window = max(8, settings.jobs * 8)
        let workers = max(1, min(settings.jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Compiled on the worker's own thread, so its objects come from that thread's
            // malloc arena and share no cache line with another worker's.
            let ruleSet = worker == 0 ? workspace.ruleSet : workspace.privateRuleSet()
            let tools = Tools(evaluator: Evaluator(ruleSet: ruleSet, asOf: workspace.asOf),
                              dossiers: DossierLoader(schema: ruleSet.schema, loader: YAMLLoader(limits: workspace.loaderLimits)))
            while true {
                condition.lock()
                while nextToClaim - nextToWrite >= window { condition.wait() }
                guard nextToClaim < files.count else {
                    condition.unlock()
                    return
                }
                let index = nextToClaim
                nextToClaim += 1
                condition.unlock()

                let outcome = process(files[index], with: tools)

                condition.lock()
                finished[index] = outcome
                while let ready = finished.removeValue(forKey: nextToWrite) {
                    write(ready, total: files.count)
                    nextToWrite += 1
                }
                condition.broadcast()
                condition.unlock()
            }
        }
        if settings.progress { Terminal.writeError("\r\u{1B}[K") }
        summary.waivers = waivers.outcomes(matchCounts: matchCounts)
        for sink in sinks { sink.output.write(sink.reporter.end(summaryFor(sink), context: context)) }
        return summary
    }

    private func summaryFor(_ sink: Sink) -> RunSummary {
        var copy = summary
        if !sink.reporter.needsAllProjects { copy.projects = [] }
        return copy
    }

    /// Called with the lock held, strictly in input order.
    private func write(_ outcome: Outcome, total: Int) {
        if !outcome.diagnostics.isEmpty {
            if settings.progress { Terminal.writeError("\r\u{1B}[K") }
            Terminal.writeError(outcome.diagnostics)
        }
        summary.errors += outcome.errors
        if let project = outcome.project, let firstIndex = seenIds[project.id.hashValue] {
            let first = files[firstIndex]
            // Ids name projects in baselines and waivers; two files with one id would be ambiguous.
            let duplicate = Diagnostic.error("dossier.duplicate-id", "project id '\(project.id)' is already used by \(first)",
                                             file: project.file, range: project.idRange,
                                             notes: [.hint("give each dossier its own id")])
            Terminal.writeError(Console.render([duplicate], source: nil, colored: settings.coloredDiagnostics))
            summary.errors.append(duplicate)
            return
        }
        if let project = outcome.project {
            seenIds[project.id.hashValue] = nextToWrite
            summary.count(project)
            if sinks.contains(where: { $0.reporter.needsAllProjects }) { summary.projects.append(project) }
        }
        for waiver in outcome.matchedWaivers { matchCounts[waiver, default: 0] += 1 }
        for (index, sink) in sinks.enumerated() where !outcome.chunks[index].isEmpty {
            sink.output.write((wroteItem[index] ? sink.reporter.separator : "") + outcome.chunks[index])
            wroteItem[index] = true
        }
        if settings.progress {
            let now = ContinuousClock.now
            if now - lastProgress > .milliseconds(100) || nextToWrite + 1 == total {
                lastProgress = now
                let done = nextToWrite + 1
                let width = 30
                let filled = total == 0 ? width : done * width / total
                Terminal.writeError("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)")
            }
        }
    }

    private func process(_ path: String, with tools: Tools) -> Outcome {
        let limit = workspace.loaderLimits.maxFileSize
        let bytes: [UInt8]
        switch FileInput.read(path, limit: limit) {
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
            let chunks = sinks.map { $0.reporter.project(project, context: context) }
            return Outcome(chunks: chunks, diagnostics: "", errors: [], project: project, matchedWaivers: matched)
        }
    }

    private func failed(_ diagnostics: [Diagnostic], source: SourceText?) -> Outcome {
        Outcome(chunks: sinks.map { _ in "" }, diagnostics: Console.render(diagnostics, source: source, colored: settings.coloredDiagnostics),
                errors: diagnostics.filter { $0.severity == .error }, project: nil, matchedWaivers: [])
    }
}
