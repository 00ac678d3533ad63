/// The output formats Arbiter renders.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, sarif, junit, csv, html, github

    /// The reporter for this format.
    public var reporter: any Reporter {
        switch self {
        case .text: TextReporter()
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
