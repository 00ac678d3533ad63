import ArbiterCore

/// GitHub Actions workflow commands: an `::error` or `::warning` annotation per fired
/// finding at the dossier line of its main evidence, shown on the pull request.
public struct GitHubReporter: Reporter {
    public init() {}

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        var out = ""
        for pack in project.packs {
            // Fired findings only: unknowns belong in the report, not as annotations on lines.
            for finding in pack.reportedFindings(context.listing) where finding.status == .fired {
                let level = !finding.advisory && finding.severity >= .high ? "error" : "warning"
                let line = max(finding.primaryEvidence?.range.start.line ?? 1, 1)
                let column = finding.primaryEvidence?.range.start.column ?? 1
                let title = "\(finding.rule) [\(finding.severity.rawValue)] \(finding.title)"
                var message = finding.message
                if finding.advisory { message += " (advisory until enforcement date)" }
                out += "::\(level) file=\(Self.property(project.file)),line=\(line),col=\(column),title=\(Self.property(title))::\(Self.data(message))\n"
            }
        }
        for warning in project.gate?.warnings ?? [] {
            out += "::warning file=\(Self.property(project.file)),line=1,title=\(Self.property("unknown: \(warning.rule) (\(project.id))"))::\(Self.data(warning.text))\n"
        }
        if let gate = project.gate, !gate.passed {
            out += "::error file=\(Self.property(project.file)),line=1,title=\(Self.property("arbiter gate failed: \(project.id)"))::\(Self.data(gate.reasons.joined(separator: "\n")))\n"
        }
        return out
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        summary.errors.filter { $0.severity == .error }.map { error in
            "::error file=\(Self.property(error.file))" + (error.hasPosition ? ",line=\(error.range.start.line),col=\(error.range.start.column)" : "") + ",title=\(Self.property(error.code))::\(Self.data(error.message))\n"
        }.joined()
    }

    /// Escaping for the message part, as the Actions toolkit does.
    static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escaping for property values, which also reserve ':' and ','.
    static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
