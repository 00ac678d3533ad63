import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArbiterYAML
import Foundation

/// Evaluates many dossiers on a bounded pool of worker threads and writes every
/// report in input order, whatever the thread count. The only code that knows about
/// threads.
///
/// Workers read each file, score it through the one shared `ScoringSession` and render
/// it; whichever worker completes the next file in order writes it. Workers never run more than a small
/// window ahead of the writer, so memory stays flat however many files there are.
final class BatchRunner: @unchecked Sendable {
    struct Sink {
        var reporter: any Reporter
        var output: OutputSink
    }

    struct Settings {
        var jobs: Int
        var coloredDiagnostics: Bool
        var progress: Bool
        /// Facts changed in every dossier before evaluation (what-if).
        var overrides: [FactOverride] = []
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
    /// is freed by the worker that built it, on the core that built it.
    private struct Scored {
        var id: String
        var file: String
        var idRange: SourceRange
        var verdict: Verdict
        var gateFailed: Bool
        var project: ProjectResult?
        var line: ProjectLine?
    }

    private let session: ScoringSession
    private let sinks: [Sink]
    /// The sinks' reporters prepared once for the run, shared by every worker.
    private let reporters: [any Reporter]
    /// Whether some report needs every project at the end (HTML, Markdown, text).
    private let keepsProjects: Bool
    /// Whether some report needs a line per project (the text table of a batch).
    private let keepsLines: Bool
    private let settings: Settings
    private let context: ReportContext

    // State below is guarded by `condition`.
    private let condition = NSCondition()
    private var nextToClaim = 0
    private var nextToWrite = 0
    /// Workers waiting for the writer to catch up with the window.
    private var waiting = 0
    private var finished: [Int: Outcome] = [:]
    private var wroteItem: [Bool]
    private var summary = RunSummary()
    /// Project ids and waiver matches, admitted in input order.
    private var run: ScoringRun
    /// Second uses of an id, reported after the run once one more walk has named the
    /// files that used each id first.
    private var duplicates: [(scored: Scored, firstOrdinal: Int)] = []
    private var walk: DossierFinder
    /// A fresh walk over the same paths, to name the first file of a duplicate id.
    private let rewalk: () -> DossierFinder
    private var walkFinished = false
    private var total: Int?
    private var lastProgress = ContinuousClock.now

    init(session: ScoringSession, sinks: [Sink], settings: Settings, context: ReportContext,
         files: DossierFinder, rewalk: @escaping () -> DossierFinder) {
        self.walk = files
        self.rewalk = rewalk
        self.session = session
        self.run = ScoringRun(session: session)
        self.sinks = sinks
        self.reporters = sinks.map { $0.reporter.prepared(for: context) }
        self.keepsProjects = sinks.contains { $0.reporter.needsAllProjects }
        self.keepsLines = sinks.contains { $0.reporter.needsProjectLines }
        self.settings = settings
        self.context = context
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
        DispatchQueue.concurrentPerform(iterations: max(1, settings.jobs)) { _ in
            // Each worker opens files relative to the folder it last read from.
            let folder = FolderHandle()
            var claimed: [(index: Int, path: RawPath)] = []
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
                    case .problem(let problem): store(failed(Diagnostics([problem])), at: index)
                    }
                }
                let done = claimed.isEmpty && walkFinished
                condition.unlock()
                if done { return }
                if claimed.isEmpty { continue }

                outcomes.removeAll(keepingCapacity: true)
                for (index, path) in claimed { outcomes.append((index, process(path, folder: folder))) }

                condition.lock()
                for (index, outcome) in outcomes { store(outcome, at: index) }
                condition.unlock()
            }
        }
        if settings.progress { Terminal.writeError("\r\u{1B}[K") }
        reportDuplicates()
        summary.waivers = run.waiverOutcomes()
        for sink in sinks { sink.output.write(sink.reporter.end(summaryFor(sink), context: context)) }
        return summary
    }

    private func summaryFor(_ sink: Sink) -> RunSummary {
        var copy = summary
        if !sink.reporter.needsAllProjects { copy.projects = [] }
        if !sink.reporter.needsProjectLines { copy.lines = [] }
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

    /// Reports every second use of an id, naming the file that used it first. The walk
    /// keeps no list of paths, so those files are found by walking once more: once for
    /// the run, where once per duplicate made a folder of copies quadratic.
    private func reportDuplicates() {
        guard !duplicates.isEmpty else { return }
        let wanted = Set(duplicates.map(\.firstOrdinal))
        var firstPaths: [Int: String] = [:]
        let again = rewalk()
        var position = 0
        while firstPaths.count < wanted.count, let item = again.next() {
            if case .file(let path) = item, wanted.contains(position) {
                firstPaths[position] = path.isStandardInput ? "<stdin>" : path.display
            }
            position += 1
        }
        for (project, firstOrdinal) in duplicates {
            // A file gone between the walks is still an earlier one.
            let first = firstPaths[firstOrdinal] ?? "an earlier dossier"
            let duplicate = ScoringRun.duplicate(project.id, firstUsedBy: first, file: project.file, range: project.idRange)
            Terminal.writeError(Console.render([duplicate], source: nil, colored: settings.coloredDiagnostics))
            summary.errors.append(duplicate)
        }
    }

    /// Called with the lock held, strictly in input order.
    private func write(_ outcome: Outcome) {
        if !outcome.diagnostics.isEmpty {
            if settings.progress { Terminal.writeError("\r\u{1B}[K") }
            Terminal.writeError(outcome.diagnostics)
        }
        summary.errors += outcome.errors
        if let project = outcome.scored,
           case .duplicate(let firstOrdinal) = run.admit(id: project.id, ordinal: nextToWrite, matchedWaivers: outcome.matchedWaivers) {
            // Only what the message needs is kept, not the project's result.
            var named = project
            named.project = nil
            named.line = nil
            duplicates.append((named, firstOrdinal))
            return
        }
        if let scored = outcome.scored {
            summary.count(verdict: scored.verdict, gateFailed: scored.gateFailed)
            if let project = scored.project, context.lists(project) { summary.projects.append(project) }
            if let line = scored.line { summary.lines.append(line) }
        }
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

    private func process(_ path: RawPath, folder: FolderHandle) -> Outcome {
        let limit = session.options.limits.maxFileSize
        let display = path.isStandardInput ? "<stdin>" : path.display
        let bytes: [UInt8]
        switch FileInput.read(path, limit: limit, folder: folder) {
        case .success(let read): bytes = read
        case .failure(let failure): return failed(Diagnostics([FileInput.diagnostic(failure, path: display, limit: limit)]))
        }
        switch session.score(bytes: bytes, name: display, overrides: settings.overrides) {
        case .failure(let problems):
            return failed(problems)
        case .success(let outcome):
            let project = outcome.project
            let listed = context.lists(project)
            let chunks = reporters.map { listed ? $0.chunk(for: project, context: context) : ReportChunk("") }
            let scored = Scored(id: project.id, file: project.file, idRange: project.idRange, verdict: project.verdict,
                                gateFailed: project.gate?.passed == false, project: keepsProjects ? project : nil,
                                line: keepsLines ? ProjectLine(project, listing: context.listing) : nil)
            return Outcome(chunks: chunks, diagnostics: "", errors: [], scored: scored, matchedWaivers: outcome.matchedWaivers)
        }
    }

    private func failed(_ problems: Diagnostics) -> Outcome {
        Outcome(chunks: sinks.map { _ in ReportChunk("") }, diagnostics: problems.rendered(colored: settings.coloredDiagnostics),
                errors: problems.errors, scored: nil, matchedWaivers: [])
    }
}
