import ArbiterCore
import ArbiterReport
import Foundation

/// The reports one run writes: the main format to standard output or `--output`, plus
/// each `--report FORMAT=FILE`.
struct ReportPlan {
    var sinks: [BatchRunner.Sink]
    /// A file this run writes in JSON or HTML, complete, for a cut markdown report to point at.
    var fullReport: String?

    /// `batch`: audit and gate, whose text report is a table of projects.
    init(_ options: OutputOptions, batch: Bool) throws {
        var sinks = [BatchRunner.Sink(reporter: options.format.reporter(batch: batch), output: try OutputSink(path: options.output))]
        let extra = try options.extraReports()
        fullReport = extra.first { $0.0 == .html || $0.0 == .json }?.1
            ?? ([.html, .json].contains(options.format) ? options.output : nil)
        for (format, path) in extra {
            do {
                sinks.append(BatchRunner.Sink(reporter: format.reporter(batch: batch), output: try OutputSink(path: path)))
            } catch {
                for sink in sinks { sink.output.abandon() }
                throw error
            }
        }
        self.sinks = sinks
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
