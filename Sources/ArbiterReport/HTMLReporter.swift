import ArbiterCore

/// One self-contained HTML file for a review board: a summary, a chart of bands across
/// projects, each project's score drawn with its range, category breakdowns and
/// findings with sources. No scripts or styles from elsewhere; charts are inline SVG
/// with titles for screen readers; prints cleanly.
public struct HTMLReporter: Reporter {
    public init() {}

    public var needsAllProjects: Bool { true }

    static let bandColors: [Band: String] = [.low: "#2e7d32", .moderate: "#b26a00", .high: "#c62828", .critical: "#6a1b9a"]

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
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
            <p>\(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") evaluated on \(context.asOf) with \(context.packs.map { "<code>\(XMLText.escape($0.id))</code> \(XMLText.escape($0.version))" }.joined(separator: ", ")) · arbiter \(XMLText.escape(context.toolVersion))</p></header>
            <main>
            <section aria-labelledby="summary"><h2 id="summary">Summary</h2>

            """
        out += bandChart(summary)
        out += "<table><thead><tr><th>Project</th><th>Band</th><th>Score and range (0–100)</th>"
        out += context.gated ? "<th>Gate</th>" : ""
        out += "</tr></thead><tbody>\n"
        for project in summary.projects {
            out += "<tr><td><a href=\"#\(anchor(project.id))\">\(XMLText.escape(project.name))</a><br/><small>\(XMLText.escape(project.id))</small></td>"
            // The project's band comes from its riskiest pack, so draw that pack's zones.
            let leading = project.packs.max { ($0.band, $0.score) < ($1.band, $1.score) }
            out += "<td>\(badge(project.band))</td><td>\(interval(score: project.score, worst: project.worst, bands: leading?.bands ?? BandThresholds(), label: project.name))</td>"
            if context.gated { out += "<td>\(project.gate?.passed == false ? "<strong class=\"fail\">failed</strong>" : "passed")</td>" }
            out += "</tr>\n"
        }
        out += "</tbody></table></section>\n"
        for project in summary.projects { out += section(project) }
        let errors = summary.errors.filter { $0.severity == .error }
        if !errors.isEmpty {
            out += "<section><h2>Files that could not be scored</h2><ul>\n"
            for error in errors {
                out += "<li><code>\(XMLText.escape("\(error.file):\(error.range.start.line):\(error.range.start.column)"))</code> \(XMLText.escape(error.message)) <small>[\(XMLText.escape(error.code))]</small></li>\n"
            }
            out += "</ul></section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    private func section(_ project: ProjectResult) -> String {
        var out = "<section class=\"project\" id=\"\(anchor(project.id))\">\n<h2>\(XMLText.escape(project.name)) \(badge(project.band))</h2>\n"
        out += "<p class=\"meta\"><code>\(XMLText.escape(project.file))</code>\(project.country.map { " · country \(XMLText.escape($0))" } ?? "")</p>\n"
        if let gate = project.gate, !gate.passed {
            out += "<div class=\"gate\"><strong>Gate failed</strong><ul>" + gate.reasons.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ul></div>\n"
        }
        if let whatIf = project.whatIf {
            out += "<p>What-if: <code>\(XMLText.escape(whatIf.options))</code></p><table><tr><th>Pack</th><th>Before</th><th>After</th></tr>"
            for before in whatIf.before {
                guard let after = project.packs.first(where: { $0.pack == before.pack }) else { continue }
                out += "<tr><td>\(XMLText.escape(before.pack))</td><td>\(before.band.rawValue), \(before.score.scoreText)</td>"
                out += "<td>\(after.band.rawValue), \(after.score.scoreText)</td></tr>"
            }
            out += "</table>\n"
        }
        for pack in project.packs {
            out += "<h3>\(XMLText.escape(pack.title)) <small>\(XMLText.escape(pack.pack)) \(XMLText.escape(pack.version))</small></h3>\n"
            out += "<p>Score <strong>\(pack.score.scoreText)</strong>, range \(pack.score.scoreText)–\(pack.worst.scoreText), band \(badge(pack.band)), "
            out += "completeness \(Int((pack.completeness * 100).rounded()))%</p>\n"
            for note in pack.verdictNotes { out += "<p class=\"note\">\(XMLText.escape(note))</p>\n" }
            out += "<div>" + interval(score: pack.score, worst: pack.worst, bands: pack.bands, label: "\(project.name), \(pack.pack)") + "</div>\n"
            out += categoryChart(pack, label: project.name)
            let findings = pack.reportedFindings
            guard !findings.isEmpty else { out += "<p>No findings.</p>\n"; continue }
            out += "<table class=\"findings\"><thead><tr><th>Status</th><th>Severity</th><th>Finding</th><th>Evidence and sources</th></tr></thead><tbody>\n"
            for finding in findings {
                out += "<tr class=\"\(finding.status.rawValue)\"><td>\(finding.status.rawValue)\(finding.advisory ? "<br/><small>advisory</small>" : "")</td>"
                out += "<td>\(finding.severity.rawValue)</td><td><strong>\(XMLText.escape(finding.rule))</strong> \(XMLText.escape(finding.title))<br/>"
                out += finding.status == .unknown ? "<em>Collect: \(XMLText.escape(finding.missing.joined(separator: ", ")))</em>" : XMLText.escape(finding.message)
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
            out += "</tbody></table>\n"
        }
        return out + "</section>\n"
    }

    /// Horizontal bars, one per band, with the count of projects in each.
    private func bandChart(_ summary: RunSummary) -> String {
        let maximum = max(1, Band.allCases.map { summary.bandCounts[$0, default: 0] }.max() ?? 1)
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 420 110\" width=\"420\" height=\"110\" aria-labelledby=\"bands-title\">"
        let description = Band.allCases.map { "\($0.rawValue) \(summary.bandCounts[$0, default: 0])" }.joined(separator: ", ")
        out += "<title id=\"bands-title\">Projects by band: \(description)</title>"
        for (row, band) in Band.allCases.reversed().enumerated() {
            let count = summary.bandCounts[band, default: 0]
            let width = 300.0 * Double(count) / Double(maximum)
            let y = row * 26 + 4
            out += "<text x=\"0\" y=\"\(y + 15)\">\(band.rawValue)</text>"
            out += "<rect x=\"80\" y=\"\(y)\" width=\"\(Value.format(width))\" height=\"20\" fill=\"\(Self.bandColors[band]!)\"><title>\(band.rawValue): \(count)</title></rect>"
            out += "<text x=\"\(Value.format(86 + width))\" y=\"\(y + 15)\">\(count)</text>"
        }
        return out + "</svg>\n"
    }

    /// A 0–100 axis with the pack's band zones, the score as a dot and the range as a bar.
    private func interval(score: Double, worst: Double, bands: BandThresholds, label: String) -> String {
        let scale = 3.0
        var out = "<svg class=\"interval\" role=\"img\" viewBox=\"0 0 340 30\" width=\"340\" height=\"30\">"
        out += "<title>\(XMLText.escape(label)): score \(score.scoreText), range \(score.scoreText) to \(worst.scoreText) of 100</title>"
        out += "<text x=\"2\" y=\"28\" class=\"tick\">0</text><text x=\"306\" y=\"28\" class=\"tick\">100</text>"
        let zones: [(Band, Double, Double)] = [(.low, 0, bands.moderate), (.moderate, bands.moderate, bands.high),
                                               (.high, bands.high, bands.critical), (.critical, bands.critical, 100)]
        for (band, from, to) in zones {
            out += "<rect x=\"\(Value.format(10 + from * scale))\" y=\"10\" width=\"\(Value.format((to - from) * scale))\" height=\"6\" fill=\"\(Self.bandColors[band]!)\" opacity=\"0.25\"/>"
        }
        out += "<rect x=\"\(Value.format(10 + score * scale))\" y=\"8\" width=\"\(Value.format(max(1, (worst - score) * scale)))\" height=\"10\" fill=\"#455a64\" opacity=\"0.6\"/>"
        out += "<circle cx=\"\(Value.format(10 + score * scale))\" cy=\"13\" r=\"5\" fill=\"#000\"/>"
        return out + "</svg>"
    }

    private func categoryChart(_ pack: PackResult, label: String) -> String {
        guard !pack.categories.isEmpty else { return "" }
        let height = pack.categories.count * 20 + 4
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 520 \(height)\" width=\"520\" height=\"\(height)\">"
        out += "<title>\(XMLText.escape(label)), \(XMLText.escape(pack.pack)) by category: "
        out += pack.categories.map { "\($0.category) \($0.score.scoreText)" }.joined(separator: ", ") + "</title>"
        for (row, category) in pack.categories.enumerated() {
            let y = row * 20 + 2
            out += "<text x=\"0\" y=\"\(y + 13)\">\(XMLText.escape(category.category))</text>"
            out += "<rect x=\"200\" y=\"\(y + 2)\" width=\"\(Value.format(category.worst * 2.5))\" height=\"14\" fill=\"#90a4ae\" opacity=\"0.5\"/>"
            out += "<rect x=\"200\" y=\"\(y + 2)\" width=\"\(Value.format(category.score * 2.5))\" height=\"14\" fill=\"#37474f\"/>"
            out += "<text x=\"\(Value.format(206 + max(category.score, category.worst) * 2.5))\" y=\"\(y + 13)\">\(category.score.scoreText)</text>"
        }
        return out + "</svg>\n"
    }

    private func badge(_ band: Band) -> String {
        "<span class=\"badge\" style=\"background:\(Self.bandColors[band]!)\">\(band.rawValue)</span>"
    }

    private func anchor(_ id: String) -> String {
        "p-" + String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1a1a1a}header{background:#263238;color:#fff;padding:1em 2em}
        main{padding:1em 2em;max-width:70em}h1{margin:0}table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
        th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;vertical-align:top}th{background:#eceff1}
        .badge{color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em;text-transform:uppercase}
        .chart text{font-size:12px}.interval{display:block}.tick{font-size:9px;fill:#555}.project{border-top:3px solid #263238;margin-top:2em}.meta{color:#555}
        .gate{border-left:4px solid #c62828;padding:.2em 1em;background:#ffebee}.fail{color:#c62828}
        tr.unknown td{color:#555}tr.waived td{color:#777;font-style:italic}a{color:#0d47a1}
        @media print{header{background:none;color:#000}.project{page-break-before:always}a{color:#000}}
        """
}
