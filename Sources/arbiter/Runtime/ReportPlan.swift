import ArbiterCore
import ArbiterReport
import Foundation

/// The reports one run writes: the main format to standard output or `--output`, plus
/// each `--report FORMAT=FILE`.
struct ReportPlan {
    var sinks: [BatchRunner.Sink]

    init(_ options: OutputOptions) throws {
        var sinks = [BatchRunner.Sink(reporter: options.format.reporter, output: try OutputSink(path: options.output))]
        for (format, path) in try options.extraReports() {
            do {
                sinks.append(BatchRunner.Sink(reporter: format.reporter, output: try OutputSink(path: path)))
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
