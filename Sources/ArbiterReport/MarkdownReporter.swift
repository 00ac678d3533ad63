import ArbiterCore

/// A summary table and a collapsible `<details>` block per project: fit for a
/// pull-request comment or a CI step summary.
public struct MarkdownReporter: Reporter {
    public init() {}

    public var needsAllProjects: Bool { true }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        var out = "## Arbiter report\n\n"
        out += "Evaluated \(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") on \(context.asOf) with "
        out += context.packs.map { "`\($0.id)` \($0.version)" }.joined(separator: ", ") + ".\n\n"
        out += "| Project | Band | Score | Range | Top findings |" + (context.gated ? " Gate |" : "") + "\n"
        out += "|---|---|---:|---|---|" + (context.gated ? "---|" : "") + "\n"
        for project in summary.projects {
            let top = project.packs.flatMap(\.firedFindings).sorted { $0.severity > $1.severity }.prefix(3)
                .map { "`\($0.rule)` \(Self.escape($0.title))" }.joined(separator: "<br>")
            out += "| \(Self.escape(project.name)) (`\(project.id)`) | **\(project.band.rawValue)** | \(project.score.scoreText) | "
            out += "\(project.score.scoreText)–\(project.worst.scoreText) | \(top.isEmpty ? "—" : top) |"
            if context.gated { out += project.gate?.passed == false ? " ❌ failed |" : " ✅ passed |" }
            out += "\n"
        }
        for project in summary.projects { out += "\n" + details(project) }
        let errors = summary.errors.filter { $0.severity == .error }
        if !errors.isEmpty {
            out += "\n### Files that could not be scored\n\n"
            for error in errors {
                out += "- `\(error.file):\(error.range.start.line):\(error.range.start.column)` \(Self.escape(error.message)) (`\(error.code)`)\n"
            }
        }
        let waivers = summary.waivers.filter { $0.state != .applied }
        if !waivers.isEmpty {
            out += "\n### Waivers needing attention\n\n"
            for outcome in waivers {
                out += "- `\(outcome.waiver.rule)` for `\(outcome.waiver.project)`: \(outcome.state.rawValue) (expires \(outcome.waiver.expires))\n"
            }
        }
        return out
    }

    private func details(_ project: ProjectResult) -> String {
        var out = "<details><summary><strong>\(Self.escape(project.name))</strong> — \(project.band.rawValue), score \(project.score.scoreText)</summary>\n\n"
        out += "File: `\(project.file)`\n"
        if let gate = project.gate, !gate.passed {
            out += "\nGate failed:\n" + gate.reasons.map { "- \(Self.escape($0))\n" }.joined()
        }
        if let whatIf = project.whatIf {
            out += "\nWhat-if: `\(Self.escape(whatIf.options))`\n\n| Pack | Before | After |\n|---|---|---|\n"
            for before in whatIf.before {
                guard let after = project.packs.first(where: { $0.pack == before.pack }) else { continue }
                out += "| \(before.pack) | \(before.band.rawValue), \(before.score.scoreText) (worst \(before.worstBand.rawValue)) "
                out += "| \(after.band.rawValue), \(after.score.scoreText) (worst \(after.worstBand.rawValue)) |\n"
            }
        }
        for pack in project.packs {
            out += "\n#### \(pack.pack) — \(pack.band.rawValue), \(pack.score.scoreText) (range \(pack.score.scoreText)–\(pack.worst.scoreText)), "
            out += "completeness \(Int((pack.completeness * 100).rounded()))%\n\n"
            for note in pack.verdictNotes { out += "> \(Self.escape(note))\n\n" }
            let findings = pack.reportedFindings
            if findings.isEmpty { out += "No findings.\n"; continue }
            out += "| Status | Severity | Rule | Finding | Evidence |\n|---|---|---|---|---|\n"
            for finding in findings {
                let evidence = finding.status == .unknown
                    ? "missing: " + finding.missing.map { "`\($0)`" }.joined(separator: ", ")
                    : finding.evidence.map { "`\($0.path)` " + ($0.range.start.line == 0 ? "what-if" : "line \($0.range.start.line)") }.joined(separator: ", ")
                let message = finding.status == .unknown ? finding.title : finding.message
                out += "| \(finding.status.rawValue)\(finding.advisory ? " (advisory)" : "") | \(finding.severity.rawValue) | `\(finding.rule)` | \(Self.escape(message)) | \(evidence) |\n"
            }
        }
        return out + "\n</details>\n"
    }

    /// Keeps user text from breaking table cells or injecting markup.
    static func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
            .replacing(">", with: "&gt;").replacing("|", with: "\\|")
            .replacing("\n", with: " ")
    }
}
