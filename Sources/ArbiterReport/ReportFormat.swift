/// The output formats Arbiter renders.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, sarif, junit, csv, html, github

    /// The reporter for this format.
    public var reporter: any Reporter { reporter(batch: false) }

    /// The reporter for this format; `batch` (audit, gate) makes text a table of projects.
    public func reporter(batch: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(batch: batch)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .sarif: SARIFReporter()
        case .junit: JUnitReporter()
        case .csv: CSVReporter()
        case .html: HTMLReporter()
        case .github: GitHubReporter()
        }
    }
}
