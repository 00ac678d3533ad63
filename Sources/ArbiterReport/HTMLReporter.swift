import ArbiterCore

/// One self-contained HTML file for a review board: an overview of every project sorted
/// by risk (each pack's band, score, range and completeness, the top fired findings), a
/// heat map of projects by category, then each project with its description, fired
/// findings first and unknowns folded, and a methodology footer. No scripts or styles
/// from elsewhere; charts are inline SVG with titles for screen readers; prints cleanly.
public struct HTMLReporter: Reporter {
    public init() {}

    public var needsAllProjects: Bool { true }

    // Switches rather than a dictionary keyed by a type: see TextReporter.Style.
    static func color(_ band: Band) -> String {
        switch band {
        case .low: "#2e7d32"
        case .moderate: "#b26a00"
        case .high: "#c62828"
        case .critical: "#6a1b9a"
        }
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        let projects = ProjectLine.riskSorted(summary.projects)
        let packList = context.packs.map { "<code>\(XMLText.escape($0.id))</code> \(XMLText.escape($0.version))" }.joined(separator: ", ")
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Arbiter report — \(context.asOf)</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><h1>Arbiter risk report</h1>
            <p>\(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") evaluated on \(context.asOf) with \(packList) · arbiter \(XMLText.escape(context.toolVersion))</p></header>
            <main>

            """
        out += overview(projects, summary: summary, context: context)
        if projects.count > 1 { out += heatMap(projects, context: context) }
        for project in projects { out += section(project, context: context) }
        let errors = summary.errors.filter { $0.severity == .error }
        if !errors.isEmpty {
            out += "<section><h2>Files that could not be scored</h2><ul>\n"
            for error in errors {
                out += "<li><code>\(XMLText.escape(error.location))</code> \(XMLText.escape(error.message)) <small>[\(XMLText.escape(error.code))]</small></li>\n"
            }
            out += "</ul></section>\n"
        }
        out += methodology(context)
        return out + "</main>\n</body>\n</html>\n"
    }

    // MARK: Overview

    private func overview(_ projects: [ProjectResult], summary: RunSummary, context: ReportContext) -> String {
        var out = "<section aria-labelledby=\"overview\"><h2 id=\"overview\">Overview</h2>\n<p class=\"counts\">"
        out += Verdict.allCases.map { "\(badge($0)) \(summary.verdictCounts[$0, default: 0])" }.joined(separator: " ")
        if context.gated { out += " · gate: <strong>\(summary.gateFailures)</strong> failed" }
        if let filter = context.listing.summary { out += " · findings listed: \(XMLText.escape(filter))" }
        out += "</p>\n"
        out += "<table class=\"overview\"><thead><tr><th>Project</th>"
        for pack in context.packs { out += "<th>\(XMLText.escape(pack.title))<br/><small>score, and range to the worst case</small></th>" }
        out += "<th>Least known</th><th>Top fired findings</th>" + (context.gated ? "<th>Gate</th>" : "") + "</tr></thead><tbody>\n"
        for project in projects {
            out += "<tr><td><a href=\"#\(anchor(project.id))\">\(XMLText.escape(project.name))</a><br/><small>\(XMLText.escape(project.id))</small></td>"
            for compiled in context.packs {
                guard let pack = project.packs.first(where: { $0.pack == compiled.id }) else { out += "<td>—</td>"; continue }
                out += "<td class=\"cell\">\(verdictBadge(pack)) <strong>\(pack.score.scoreText)</strong>"
                out += pack.worst > pack.score ? " <small>to \(pack.worst.scoreText)</small>" : ""
                out += " <small>· \(Int((pack.completeness * 100).rounded()))% known</small>"
                out += "<br/>\(interval(pack, label: "\(project.name), \(pack.pack)", compact: true))</td>"
            }
            let known = project.packs.map(\.completeness).min() ?? 1
            out += "<td>\(Int((known * 100).rounded()))%</td><td>"
            let top = project.topFired(context.listing, count: 3)
            out += top.isEmpty ? "—" : "<ul class=\"top\">" + top.map {
                "<li><span class=\"sev \($0.severity.rawValue)\">\($0.severity.rawValue)</span> \(XMLText.escape($0.title))</li>"
            }.joined() + "</ul>"
            out += "</td>"
            if context.gated { out += "<td>\(project.gate?.passed == false ? "<strong class=\"fail\">failed</strong><br/><small>\(XMLText.escape(project.gate!.causeClasses.map(\.label).joined(separator: ", ")))</small>" : "passed")</td>" }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n" + legend(context) + "</section>\n"
        return out
    }

    private func legend(_ context: ReportContext) -> String {
        var out = "<p class=\"legend\">Bands: " + Band.allCases.map(badge).joined(separator: " ")
        out += " · <svg width=\"12\" height=\"12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"#000\"/></svg> score on known facts"
        out += " · <svg width=\"30\" height=\"12\" aria-hidden=\"true\"><rect x=\"1\" y=\"2\" width=\"28\" height=\"8\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/></svg> range: how high the unknown facts could take it"
        out += " · ticks: each pack's band thresholds ("
        out += context.packs.map { "\(XMLText.escape($0.id)) \(Value.format($0.bands.moderate)) / \(Value.format($0.bands.high)) / \(Value.format($0.bands.critical))" }
            .joined(separator: "; ")
        return out + ")</p>\n"
    }

    /// Projects by category: each cell shaded by the category's score on known facts,
    /// with the worst case beside it when unknowns could raise it.
    private func heatMap(_ projects: [ProjectResult], context: ReportContext) -> String {
        var out = "<section aria-labelledby=\"heat\"><h2 id=\"heat\">Risk by category</h2>\n"
        out += "<p class=\"legend\">Each cell: the category's score on known facts (0–100 of its weight), shaded darker as it rises; ↑ the worst case when facts are missing.</p>\n"
        out += "<div class=\"scroll\"><table class=\"heat\"><thead><tr><th rowspan=\"2\">Project</th>"
        for pack in context.packs { out += "<th colspan=\"\(pack.categories.count)\">\(XMLText.escape(pack.id))</th>" }
        out += "</tr><tr>"
        for pack in context.packs {
            for category in pack.categories { out += "<th class=\"rot\"><span>\(XMLText.escape(category))</span></th>" }
        }
        out += "</tr></thead><tbody>\n"
        for project in projects {
            out += "<tr><th><a href=\"#\(anchor(project.id))\">\(XMLText.escape(project.id))</a></th>"
            for compiled in context.packs {
                let pack = project.packs.first { $0.pack == compiled.id }
                for category in compiled.categories {
                    guard let score = pack?.categories.first(where: { $0.category == category }) else { out += "<td></td>"; continue }
                    let alpha = min(1, score.score / 100)
                    let text = score.score.scoreText.replacing(".0", with: "")
                    let worst = score.worst > score.score ? "<small>↑\(score.worst.scoreText.replacing(".0", with: ""))</small>" : ""
                    out += "<td style=\"background:rgba(198,40,40,\(Value.format((alpha * 0.85 * 100).rounded() / 100)))\""
                    out += alpha > 0.5 ? " class=\"dark\"" : ""
                    out += " title=\"\(XMLText.escape("\(project.id), \(category): \(score.score.scoreText), up to \(score.worst.scoreText)"))\">\(text)\(worst)</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    // MARK: One project

    private func section(_ project: ProjectResult, context: ReportContext) -> String {
        var out = "<section class=\"project\" id=\"\(anchor(project.id))\">\n<h2>\(XMLText.escape(project.name)) \(badge(project.verdict))</h2>\n"
        out += "<p class=\"meta\"><code>\(XMLText.escape(project.file))</code>\(project.country.map { " · country \(XMLText.escape($0))" } ?? "")</p>\n"
        if let description = project.description, !description.isEmpty { out += "<p class=\"description\">\(XMLText.escape(description))</p>\n" }
        if let gate = project.gate, !gate.passed {
            out += "<div class=\"gate\"><strong>Gate failed</strong> (\(XMLText.escape(gate.causeClasses.map(\.label).joined(separator: ", "))))<ul>"
            out += gate.reasons.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ul></div>\n"
        }
        if let gate = project.gate, !gate.warnings.isEmpty {
            out += "<details class=\"gate-warnings\"><summary>Gate warnings: \(gate.warnings.count) unknown rule\(gate.warnings.count == 1 ? "" : "s") not decisive</summary><ul>"
            out += gate.warnings.map { "<li>\(XMLText.escape($0.text))</li>" }.joined() + "</ul></details>\n"
        }
        if let whatIf = project.whatIf {
            out += "<p>What-if: <code>\(XMLText.escape(whatIf.options))</code></p><table><tr><th>Pack</th><th>Before</th><th>After</th></tr>"
            for (before, after) in project.whatIfChanges {
                out += "<tr><td>\(XMLText.escape(before.pack))</td><td>\(before.band.rawValue), \(before.score.scoreText)</td>"
                out += "<td>\(after.band.rawValue), \(after.score.scoreText)</td></tr>"
            }
            out += "</table>\n"
        }
        out += "<div class=\"packs\">"
        for pack in project.packs {
            out += "<div class=\"pack\"><h3>\(XMLText.escape(pack.title)) <small>\(XMLText.escape(pack.pack)) \(XMLText.escape(pack.version))</small></h3>\n"
            out += "<p>\(verdictBadge(pack)) score <strong>\(pack.score.scoreText)</strong>"
            if pack.worst > pack.score {
                out += ", up to \(pack.worst.scoreText) (\(pack.worstBand.rawValue)) with the unknown facts at their worst"
            } else {
                out += pack.undecidedCount == 0 ? ", every rule decided" : ", \(pack.undecidedCount) undecided rule\(pack.undecidedCount == 1 ? "" : "s") cannot raise it"
            }
            out += " · \(Int((pack.completeness * 100).rounded()))% of its weight known</p>\n"
            for note in pack.verdictNotes { out += "<p class=\"note\">\(XMLText.escape(note))</p>\n" }
            out += interval(pack, label: "\(project.name), \(pack.pack)", compact: false) + "\n"
            out += categoryChart(pack, label: project.name)
            let inapplicable = pack.notApplicableRules
            if !inapplicable.isEmpty {
                out += "<details class=\"not-applicable\"><summary>Not applicable (\(inapplicable.count))</summary><p>"
                    + inapplicable.map { "<code>\(XMLText.escape($0))</code>" }.joined(separator: ", ") + "</p></details>"
            }
            out += "</div>\n"
        }
        out += "</div>\n"
        let listed = project.listedFindings(context.listing)
        let fired = listed.filter { $0.finding.status != .unknown }
        if fired.isEmpty {
            out += "<p>No finding fired.</p>\n"
        } else {
            out += "<h3>Fired findings (\(fired.count))</h3>\n" + findingsTable(fired.map(\.finding), of: project)
        }
        let unknown = listed.filter { $0.finding.status == .unknown }.map(\.finding)
        if !unknown.isEmpty {
            let facts = FactsToCollect(project, listing: context.listing).facts
            out += "<details><summary>\(unknown.count) rule\(unknown.count == 1 ? "" : "s") undecided for lack of facts; \(facts.count) fact\(facts.count == 1 ? "" : "s") to collect</summary>\n"
            out += "<ol class=\"facts\">" + facts.map { fact in
                "<li><code>\(XMLText.escape(fact.path))</code> decides \(fact.rules.count) rule\(fact.rules.count == 1 ? "" : "s")"
                    + fact.points.filter { $0.points > 0 }.map { ", up to +\($0.points.scoreText) \(XMLText.escape($0.pack))" }.joined() + "</li>"
            }.joined() + "</ol>\n"
            out += findingsTable(unknown, of: project) + "</details>\n"
        }
        return out + "</section>\n"
    }

    private func findingsTable(_ findings: [Finding], of project: ProjectResult) -> String {
        var out = "<table class=\"findings\"><thead><tr><th>Severity</th><th>Finding</th><th>Evidence and sources</th></tr></thead><tbody>\n"
        for finding in findings {
            out += "<tr class=\"\(finding.status.rawValue)\"><td><span class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</span>"
            out += finding.status == .fired ? "" : "<br/><small>\(finding.status.rawValue)</small>"
            out += finding.advisory ? "<br/><small>advisory</small>" : ""
            out += "</td><td><strong>\(XMLText.escape(finding.rule))</strong> \(XMLText.escape(finding.title))<br/>"
            out += finding.status == .unknown ? "<em>Collect: \(XMLText.escape(finding.missing.joined(separator: ", ")))</em>" : XMLText.escape(finding.message)
            if finding.status != .unknown, !finding.mitigations.isEmpty {
                out += "<br/><small>Mitigate: \(XMLText.escape(finding.mitigations.joined(separator: "; ")))</small>"
            }
            if !finding.references.isEmpty {
                out += "<br/><small>" + finding.references.map { "<a href=\"\(XMLText.escape($0.url))\">\(XMLText.escape($0.title))</a>" }.joined(separator: " · ") + "</small>"
            }
            if let waiver = finding.waiver {
                out += "<br/><small>waiver \(waiver.state.rawValue) until \(waiver.expires): \(XMLText.escape(waiver.reason))</small>"
            }
            out += "</td><td>"
            // An unknown finding is about what is missing; its guard facts would only add noise.
            out += finding.evidence.filter { _ in finding.outcome != .unknown }.map { evidence in
                let sources = evidence.sources.map { id -> String in
                    guard let source = project.source(id), let url = source.url else { return XMLText.escape(id) }
                    return "<a href=\"\(XMLText.escape(url))\">\(XMLText.escape(source.title ?? id))</a>"
                }
                return "<code>\(XMLText.escape(evidence.path))</code> = \(XMLText.escape(evidence.value.displayText)) <small>\(evidence.range.start.line == 0 ? "what-if" : "line \(evidence.range.start.line)")</small>"
                    + (sources.isEmpty ? "" : "<br/><small>" + sources.joined(separator: "; ") + "</small>")
            }.joined(separator: "<br/>")
            out += "</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    // MARK: Charts

    /// A points axis with the pack's band zones and labelled threshold ticks, the score as
    /// a dot and the range to the worst case as an outlined bar. Points have no ceiling:
    /// the axis runs a quarter past critical, or to the worst case when that is further.
    private func interval(_ pack: PackResult, label: String, compact: Bool) -> String {
        let width = compact ? 200.0 : 420.0
        let left = 8.0
        let top = max(pack.bands.critical * 1.25, pack.worst)
        let scale = (width - 2 * left) / top
        let height = compact ? 22 : 34
        var out = "<svg class=\"interval\" role=\"img\" viewBox=\"0 0 \(Value.format(width)) \(height)\" width=\"\(Value.format(width))\" height=\"\(height)\">"
        out += "<title>\(XMLText.escape(label)): score \(pack.score.scoreText), range \(pack.score.scoreText) to \(pack.worst.scoreText) points; "
        out += "bands from \(Value.format(pack.bands.moderate)) moderate, \(Value.format(pack.bands.high)) high, \(Value.format(pack.bands.critical)) critical</title>"
        let bands = pack.bands
        let zones: [(Band, Double, Double)] = [(.low, 0, bands.moderate), (.moderate, bands.moderate, bands.high),
                                               (.high, bands.high, bands.critical), (.critical, bands.critical, top)]
        for (band, from, to) in zones {
            out += "<rect x=\"\(Value.format(left + from * scale))\" y=\"6\" width=\"\(Value.format((to - from) * scale))\" height=\"8\" fill=\"\(Self.color(band))\" opacity=\"0.55\"/>"
        }
        for threshold in [bands.moderate, bands.high, bands.critical] {
            let x = Value.format(left + threshold * scale)
            out += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"3\" y2=\"17\" stroke=\"#263238\" stroke-width=\"1\"/>"
            if !compact { out += "<text x=\"\(x)\" y=\"29\" class=\"tick\" text-anchor=\"middle\">\(Value.format(threshold))</text>" }
        }
        if !compact {
            out += "<text x=\"\(Value.format(left))\" y=\"29\" class=\"tick\" text-anchor=\"middle\">0</text>"
            out += "<text x=\"\(Value.format(left + top * scale))\" y=\"29\" class=\"tick\" text-anchor=\"end\">\(Value.format(top.rounded()))</text>"
        }
        if pack.worst > pack.score {
            out += "<rect x=\"\(Value.format(left + pack.score * scale))\" y=\"4\" width=\"\(Value.format((pack.worst - pack.score) * scale))\" height=\"12\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>"
        }
        out += "<circle cx=\"\(Value.format(left + pack.score * scale))\" cy=\"10\" r=\"5\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"1\"/>"
        return out + "</svg>"
    }

    /// A bar per category: the known score filled, the worst case as an outlined bar
    /// beyond it, so a category at 0 with nothing missing looks empty.
    private func categoryChart(_ pack: PackResult, label: String) -> String {
        guard !pack.categories.isEmpty else { return "" }
        // One scale for the pack's categories: the largest worst case (or cap) fills the bar.
        let unit = 200 / max(1, pack.categories.map { max($0.worst, $0.cap ?? 0) }.max() ?? 1)
        let height = pack.categories.count * 20 + 4
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 480 \(height)\" width=\"480\" height=\"\(height)\">"
        out += "<title>\(XMLText.escape(label)), \(XMLText.escape(pack.pack)) by category (known score, worst case): "
        out += pack.categories.map { "\($0.category) \($0.score.scoreText) to \($0.worst.scoreText)" }.joined(separator: ", ") + "</title>"
        for (row, category) in pack.categories.enumerated() {
            let y = row * 20 + 2
            out += "<text x=\"0\" y=\"\(y + 13)\">\(XMLText.escape(category.category))</text>"
            out += "<rect x=\"170\" y=\"\(y + 3)\" width=\"200\" height=\"12\" fill=\"#f5f5f5\"/>"
            if category.worst > category.score {
                out += "<rect x=\"\(Value.format(170 + category.score * unit))\" y=\"\(y + 3)\" width=\"\(Value.format((category.worst - category.score) * unit))\" height=\"12\" fill=\"none\" stroke=\"#607d8b\" stroke-dasharray=\"3 2\"/>"
            }
            out += "<rect x=\"170\" y=\"\(y + 3)\" width=\"\(Value.format(category.score * unit))\" height=\"12\" fill=\"#37474f\"/>"
            let text = category.worst > category.score ? "\(category.score.scoreText) (to \(category.worst.scoreText))" : category.score.scoreText
            out += "<text x=\"378\" y=\"\(y + 13)\">\(text)</text>"
        }
        return out + "</svg>\n"
    }

    private func methodology(_ context: ReportContext) -> String {
        var out = "<footer><h2>How to read this report</h2>\n<ul>\n"
        out += "<li><strong>Score</strong>: risk points, the weights of a pack's fired rules summed by category, each category held to its cap, on the facts the dossier records. A rule that does not fire adds nothing.</li>\n"
        out += "<li><strong>Range</strong>: from the score to the worst case, where every rule still undecided for lack of facts fires. A wide range means the facts matter more than the score.</li>\n"
        out += "<li><strong>Band</strong>: where the score falls among the pack's thresholds. <strong>Floors</strong> raise it when decisive rules fire (say, a critical rule), whatever the weighted score; the report names the floor when one set the band.</li>\n"
        out += "<li><strong>Insufficient data</strong>: below a pack's minimum completeness (the known share of its applicable weight), a low score is not a verdict; the range stands instead. <strong>Not applicable</strong>: none of the pack's rules applies to the project.</li>\n"
        out += "<li><strong>Known</strong>: the completeness of the least documented pack.</li>\n"
        out += "</ul>\n<p>Packs: " + context.packs.map { pack in
            "<code>\(XMLText.escape(pack.id))</code> \(XMLText.escape(pack.version)) (\(pack.rules.count) rules; bands \(Value.format(pack.bands.moderate)) / \(Value.format(pack.bands.high)) / \(Value.format(pack.bands.critical)))"
        }.joined(separator: ", ")
        out += ". Evaluated as of \(context.asOf) by arbiter \(XMLText.escape(context.toolVersion))"
        if let configuration = context.configuration { out += " under <code>\(XMLText.escape(configuration))</code>" }
        out += ".</p></footer>\n"
        return out
    }

    private func verdictBadge(_ pack: PackResult) -> String { badge(Verdict(pack)) }

    private func badge(_ verdict: Verdict) -> String {
        switch verdict {
        case .band(let band): badge(band)
        case .insufficientData: "<span class=\"badge insufficient\" title=\"below the pack's minimum completeness\">\(verdict.label)</span>"
        case .notApplicable: "<span class=\"badge insufficient\" title=\"no rule of the pack applies to this project\">\(verdict.label)</span>"
        }
    }

    private func badge(_ band: Band) -> String {
        "<span class=\"badge\" style=\"background:\(Self.color(band))\">\(band.rawValue)</span>"
    }

    private func anchor(_ id: String) -> String {
        "p-" + String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1a1a1a}header{background:#263238;color:#fff;padding:1em 2em}
        main{padding:1em 2em;max-width:90em}h1{margin:0}table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
        th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}th{background:#eceff1}
        .badge{color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em;text-transform:uppercase;white-space:nowrap}
        .badge.insufficient{background:#546e7a}.counts .badge{margin-left:.6em}
        .sev{font-size:.8em;text-transform:uppercase;font-weight:600}.sev.critical{color:#6a1b9a}.sev.high{color:#c62828}
        .sev.medium{color:#b26a00}.sev.low{color:#2e7d32}.sev.info{color:#455a64}ul.top{margin:0;padding-left:1em}
        .chart text{font-size:12px}.interval{display:block}.tick{font-size:9px;fill:#37474f}.legend{color:#455a64;font-size:.9em}
        .project{border-top:3px solid #263238;margin-top:2em}.meta{color:#555}.description{max-width:60em}
        .packs{display:flex;flex-wrap:wrap;gap:0 3em}.note{background:#fff8e1;border-left:4px solid #b26a00;padding:.2em .8em}
        .gate{border-left:4px solid #c62828;padding:.2em 1em;background:#ffebee}.fail{color:#c62828}
        .scroll{overflow-x:auto}table.heat{width:auto}table.heat td{text-align:center;min-width:2.6em;font-variant-numeric:tabular-nums}
        table.heat td.dark{color:#fff}table.heat td small{display:block;font-size:.7em;opacity:.8}
        th.rot{height:9em;vertical-align:bottom;white-space:nowrap}th.rot span{writing-mode:vertical-rl;transform:rotate(180deg)}
        tr.unknown td{color:#555}tr.waived td{color:#777;font-style:italic}a{color:#0d47a1}details{margin:1em 0}summary{cursor:pointer;font-weight:600}
        footer{border-top:1px solid #ccc;margin-top:3em;color:#37474f;font-size:.9em}
        @media print{header{background:none;color:#000}.project{page-break-before:always}a{color:#000}details{display:block}.scroll{overflow:visible}}
        """
}
