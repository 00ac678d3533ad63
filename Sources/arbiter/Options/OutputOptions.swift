import ArbiterCore
import ArbiterReport
import ArgumentParser
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// Where reports go and in which formats.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Report format on standard output or --output.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file, atomically.", valueName: "file"),
            completion: .file())
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write FORMAT to FILE (repeatable), e.g. --report html=report.html.", valueName: "format=file"))
    var report: [String] = []

    @Option(name: .customLong("min-severity"), help: ArgumentHelp("List only findings of this severity or worse (scores and the gate still count every finding).", valueName: "severity"))
    var minimumSeverity: Severity?

    @Option(name: .long, help: ArgumentHelp("List only findings of these statuses, comma-separated: fired, unknown, waived.", valueName: "statuses"))
    var status: String?

    @Flag(name: .shortAndLong, help: "Text: every unknown finding and fact to collect; in a batch, each project in full.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "The closing summary only, no project.")
    var quiet = false

    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Markdown: keep the report under this many bytes, cutting details first (default: 60000, under a GitHub comment's limit).", valueName: "bytes"))
    var maxBytes: Int = 60_000

    func validate() throws {
        _ = try extraReports()
        _ = try listing()
        if verbose && quiet { throw ValidationError("--verbose and --quiet ask for opposite things; pick one") }
        if maxBytes < 2_000 { throw ValidationError("--max-bytes must be at least 2000, room for the summary table") }
    }

    /// The listing filter of `--min-severity` and `--status`.
    func listing() throws -> FindingFilter {
        var statuses: Set<FindingStatus>?
        if let status {
            statuses = []
            for name in status.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                guard let value = FindingStatus(rawValue: name), value != .passed else {
                    throw ValidationError("unknown status '\(name)' for --status; use fired, unknown or waived (comma-separated)")
                }
                statuses!.insert(value)
            }
        }
        return FindingFilter(minimumSeverity: minimumSeverity, statuses: statuses)
    }

    /// The `--report` values as (format, file) pairs.
    func extraReports() throws -> [(ReportFormat, String)] {
        try report.map { value in
            guard let equals = value.firstIndex(of: "="), !value[value.index(after: equals)...].isEmpty else {
                throw ValidationError("--report needs FORMAT=FILE, for example --report html=report.html; got '\(value)'")
            }
            let name = String(value[..<equals])
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationError("unknown report format '\(name)'; formats: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return (format, String(value[value.index(after: equals)...]))
        }
    }
}
