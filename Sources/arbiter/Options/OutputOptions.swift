import ArbiterReport
import ArgumentParser

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

    @Option(name: .long, help: ArgumentHelp("Waivers file; default: `waivers:` in .arbiter.yaml.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var waivers: String?

    func validate() throws {
        _ = try extraReports()
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
