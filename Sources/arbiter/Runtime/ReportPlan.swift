import ArbiterCore
import ArbiterEngine
import ArbiterReport
import Foundation

/// The reports one run writes: the main format to standard output or `--output`, plus
/// each `--report FORMAT=FILE`.
struct ReportPlan {
    var sinks: [BatchRunner.Sink]
    /// A file this run writes in JSON or HTML, complete, for a cut markdown report to point at.
    var fullReport: String?

    /// `batch`: audit and gate, whose text report is a table of projects. A single
    /// project's report is held until it is finished, so a dossier that cannot be scored
    /// leaves nothing half-written, on standard output either. `inputs` lists what the run
    /// reads, asked only when an output is an existing file (the only kind that can be
    /// one); the outputs are checked against them before any is opened.
    init(_ options: OutputOptions, batch: Bool, inputs: () -> [RawPath]) throws {
        let extra = try options.extraReports()
        let targets = try ([(options.format, options.output)] + extra.map { ($0.0, $0.1) }).map { try ($0.0, OutputTarget.resolve($0.1)) }
        try Self.refuseSharedTargets(targets.map(\.1))
        try Self.refuseInputs(targets.map(\.1), inputs)
        fullReport = extra.first { $0.0 == .html || $0.0 == .json }?.1
            ?? ([.html, .json].contains(options.format) ? options.output : nil)
        var sinks: [BatchRunner.Sink] = []
        for (format, target) in targets {
            do {
                sinks.append(BatchRunner.Sink(reporter: format.reporter(batch: batch), output: try OutputSink(target: target, hold: !batch)))
            } catch {
                for sink in sinks { sink.output.abandon() }
                throw error
            }
        }
        self.sinks = sinks
    }

    /// Two reports to one file would leave only the last; compared by device and inode
    /// (or, for a new path, its real folder), not by spelling. Devices are exempt:
    /// sending several reports to `/dev/null` is a common way to discard them.
    private static func refuseSharedTargets(_ targets: [OutputTarget]) throws {
        var seen: [OutputTarget.Identity: String] = [:]
        for target in targets where target.kind != .inPlace {
            if let first = seen[target.identity] {
                let name = target.kind == .standardOutput ? "standard output" : "'\(target.path)'"
                throw CLIError.invalid("two reports would be written to \(name) (also named '\(first)'), and only the last would be kept; a file is written twice",
                                       hint: "give each --report its own file")
            }
            seen[target.identity] = target.path
        }
    }

    /// An output that is also an input (a dossier, a pack, the waivers, the baseline, the
    /// configuration) would be destroyed by the run that reads it. Only an existing
    /// regular file can be both, so nothing is walked when no output is one.
    private static func refuseInputs(_ targets: [OutputTarget], _ inputs: () -> [RawPath]) throws {
        var outputs: [OutputTarget.Identity: String] = [:]
        for target in targets {
            if case .regular = target.kind { outputs[target.identity] = target.path }
        }
        guard !outputs.isEmpty else { return }
        for input in inputs() {
            if let identity = OutputTarget.identity(ofInput: input), let output = outputs[identity] {
                throw CLIError.invalid("the output '\(output)' is also an input ('\(input.display)'), which writing it would destroy",
                                       hint: "write the report to another file")
            }
        }
    }

    /// Colour in the main report only when it goes to a colour terminal as text.
    static func colored(_ options: OutputOptions) -> Bool {
        options.format == .text && (options.output == nil || options.output == "-") && Terminal.wantsColor(STDOUT_FILENO)
    }

    /// The text report's width: the terminal's columns (at least 60), or $COLUMNS, or 80.
    static func width(_ options: OutputOptions) -> Int {
        guard options.format == .text, options.output == nil || options.output == "-" else { return 80 }
        if let columns = Terminal.columns(STDOUT_FILENO) { return max(60, columns) }
        return 80
    }

    func finish() throws {
        var firstError: Error?
        for sink in sinks {
            do { try sink.output.finish() } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
    }

    func abandon() {
        for sink in sinks { sink.output.abandon() }
    }
}
