import ArbiterCore

/// A report that fits a pull-request comment or a CI step summary: a table of every
/// project sorted by risk, then per project a collapsible block with its fired findings
/// and, as counts and a short list of facts to collect, its unknowns. Details are cut,
/// riskiest projects kept first, where the text would pass `maxBytes`; a marker says how
/// many were left out and where the full report is.
public struct MarkdownReporter: Reporter {
    public init() {}

    public var needsAllProjects: Bool { true }

    /// Facts to collect listed per project.
    static let factsShown = 5

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        let projects = ProjectLine.riskSorted(summary.projects)
        var head = "## Arbiter report\n\n"
        head += "Evaluated \(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") on \(context.asOf) with "
        head += context.packs.map { "`\($0.id)` \($0.version)".showingControlCharacters }.joined(separator: ", ") + "."
        if let configuration = context.configuration { head += " Configuration: `\(configuration.showingControlCharacters)`." }
        head += " Bands: \(summary.bandCountsText)."
        if context.gated { head += " Gate: \(summary.gateFailures) failed." }
        if let filter = context.listing.summary { head += " Findings listed: \(filter)." }
        if context.onlyFailing { head += " Only projects that failed the gate are shown." }
        head += "\n"

        var tail = ""
        let errors = summary.errors.filter { $0.severity == .error }
        if !errors.isEmpty {
            tail += "\n### Files that could not be scored\n\n"
            for error in errors {
                tail += "- `\(error.location.showingControlCharacters)` \(Self.escape(error.message)) (`\(error.code)`)\n"
            }
        }
        let waivers = summary.waivers.filter { $0.state != .applied }
        if !waivers.isEmpty {
            tail += "\n### Waivers needing attention\n\n"
            for outcome in waivers {
                tail += "- `\(outcome.waiver.rule.showingControlCharacters)` for `\(outcome.waiver.project.showingControlCharacters)`: "
                tail += "\(outcome.state.rawValue) (expires \(outcome.waiver.expires))\n"
            }
        }

        let budget = context.maxBytes
        var table = projects.isEmpty ? "" : "\n" + tableHeader(context)
        var rowsLeftOut = 0
        for (index, project) in projects.enumerated() {
            let row = tableRow(project, context: context)
            // The marker for rows that do not fit needs its own room.
            if head.utf8.count + table.utf8.count + row.utf8.count + tail.utf8.count + 400 > budget {
                rowsLeftOut = projects.count - index
                break
            }
            table += row
        }
        var body = head + table
        if rowsLeftOut > 0 { body += "\n" + marker("\(rowsLeftOut) more project\(rowsLeftOut == 1 ? "" : "s") left out of the table", context: context) }
        var detailsLeftOut = 0
        if !context.quiet && rowsLeftOut == 0 {
            for (index, project) in projects.enumerated() {
                let block = "\n" + details(project, context: context)
                if body.utf8.count + block.utf8.count + tail.utf8.count + 400 > budget {
                    detailsLeftOut = projects.count - index
                    break
                }
                body += block
            }
        }
        if detailsLeftOut > 0 {
            body += "\n" + marker("Details of \(detailsLeftOut) project\(detailsLeftOut == 1 ? "" : "s") (the least risky) left out", context: context)
        }
        return body + tail
    }

    private func marker(_ what: String, context: ReportContext) -> String {
        let full = context.fullReport.map { "the full report is `\(Self.escape($0))`" }
            ?? "run `arbiter audit` with `--report html=report.html` for the full report"
        return "> ✂ \(what) to stay under \(context.maxBytes) bytes (`--max-bytes`); \(full).\n"
    }

    private func tableHeader(_ context: ReportContext) -> String {
        var out = "| Project |" + context.packs.map { " \(Self.escape($0.id)) |" }.joined() + " Score | Range | Known | Top findings |"
        out += context.gated ? " Gate |\n" : "\n"
        out += "|---|" + String(repeating: "---|", count: context.packs.count) + "---:|---|---:|---|" + (context.gated ? "---|" : "") + "\n"
        return out
    }

    private func tableRow(_ project: ProjectResult, context: ReportContext) -> String {
        let top = project.topFired(context.listing, count: 3).map { "`\($0.rule.showingControlCharacters)` \(Self.escape($0.title))" }
            .joined(separator: "<br>")
        var out = "| \(Self.escape(project.name)) (`\(project.id)`) |"
        for pack in context.packs {
            guard let result = project.packs.first(where: { $0.pack == pack.id }) else { out += " — |"; continue }
            let verdict = Verdict(result)
            out += verdict.band == nil ? " \(verdict.label) |" : " **\(verdict.label)** |"
        }
        let known = project.packs.map(\.completeness).min() ?? 1
        out += " \(project.score.scoreText) | \(project.score.scoreText)–\(project.worst.scoreText) | \(Int((known * 100).rounded()))% |"
        out += " \(top.isEmpty ? "—" : top) |"
        if context.gated { out += project.gate?.passed == false ? " ❌ failed |" : " ✅ passed |" }
        return out + "\n"
    }

    private func details(_ project: ProjectResult, context: ReportContext) -> String {
        var out = "<details><summary><strong>\(Self.escape(project.name))</strong> — \(project.band.rawValue), score \(project.score.scoreText)"
        out += project.worst > project.score ? " (up to \(project.worst.scoreText))" : ""
        out += "</summary>\n\n"
        if let description = project.description, !description.isEmpty { out += Self.escape(description, lines: true) + "\n\n" }
        out += "File: `\(project.file.showingControlCharacters)`\n"
        if let gate = project.gate, !gate.passed {
            out += "\nGate failed (\(gate.causeClasses.map(\.label).joined(separator: ", "))):\n" + gate.reasons.map { "- \(Self.escape($0))\n" }.joined()
        }
        if let gate = project.gate, !gate.warnings.isEmpty {
            out += "\nGate warnings (unknown, not decisive):\n" + gate.warnings.map { "- \(Self.escape($0.text))\n" }.joined()
        }
        if let whatIf = project.whatIf {
            out += "\nWhat-if: `\(Self.escape(whatIf.options))`\n\n| Pack | Before | After |\n|---|---|---|\n"
            for (before, after) in project.whatIfChanges {
                out += "| \(Self.escape(before.pack)) | \(before.band.rawValue), \(before.score.scoreText) (worst \(before.worstBand.rawValue)) "
                out += "| \(after.band.rawValue), \(after.score.scoreText) (worst \(after.worstBand.rawValue)) |\n"
            }
        }
        out += "\n"
        for pack in project.packs {
            out += "- **\(Self.escape(pack.pack))** \(Self.escape(pack.version)): \(pack.verdict), \(pack.score.scoreText) points (range \(pack.score.scoreText)–\(pack.worst.scoreText)), "
            out += "\(Int((pack.completeness * 100).rounded()))% known"
            let unknown = pack.reportedFindings(context.listing).filter { $0.status == .unknown }.count
            out += unknown > 0 ? ", \(unknown) rule\(unknown == 1 ? "" : "s") undecided\n" : "\n"
            for note in pack.verdictNotes { out += "  - \(Self.escape(note))\n" }
            let inapplicable = pack.notApplicableRules
            if !inapplicable.isEmpty { out += "  - not applicable (\(inapplicable.count)): " + inapplicable.map { "`\($0)`" }.joined(separator: ", ") + "\n" }
        }
        let listed = project.listedFindings(context.listing).map(\.finding).filter { $0.status != .unknown }
        if !listed.isEmpty {
            out += "\n| Severity | Rule | Finding | Evidence |\n|---|---|---|---|\n"
            for finding in listed {
                let evidence = finding.evidence.map { "`\($0.path.showingControlCharacters)` " + ($0.range.start.line == 0 ? "what-if" : "line \($0.range.start.line)") }
                    .joined(separator: ", ")
                let status = finding.status == .waived ? " (waived)" : finding.advisory ? " (advisory)" : ""
                out += "| \(finding.severity.rawValue)\(status) | `\(finding.rule.showingControlCharacters)` | \(Self.escape(finding.message)) | \(evidence) |\n"
            }
        }
        let facts = FactsToCollect(project, listing: context.listing).facts
        if !facts.isEmpty {
            out += "\nFacts to collect first: " + facts.prefix(Self.factsShown).map { "`\($0.path.showingControlCharacters)` (\($0.rules.count) rule\($0.rules.count == 1 ? "" : "s"))" }
                .joined(separator: ", ")
            out += facts.count > Self.factsShown ? ", and \(facts.count - Self.factsShown) more.\n" : ".\n"
        }
        return out + "\n</details>\n"
    }

    /// Keeps user text from breaking table cells or injecting markup, and shows its
    /// control characters as escapes. A line break is shown too, since most fields are one
    /// line; in text of several `lines` (a description) it joins them with a space.
    static func escape(_ text: String, lines: Bool = false) -> String {
        let joined = lines ? text.replacing("\n", with: " ") : text
        return joined.replacing("&", with: "&amp;").replacing("<", with: "&lt;")
            .replacing(">", with: "&gt;").replacing("|", with: "\\|")
            .showingControlCharacters
    }
}
