import ArbiterCore

/// `arbiter plan`'s report in text, JSON, Markdown or HTML: per pack, the mitigation
/// steps to the target band with the verdict after each and the `--set` options that
/// reproduce them, or what stands in the way; and the facts to collect, ranked.
public enum PlanReporter {
    public static let formats: [ReportFormat] = [.text, .json, .markdown, .html]

    package static func render(_ plan: ProjectPlan, format: ReportFormat, toolVersion: String) -> String {
        switch format {
        case .json: json(plan, toolVersion: toolVersion)
        case .markdown: markdown(plan)
        case .html: html(plan)
        default: text(plan)
        }
    }

    private static func verdict(_ verdict: MitigationPlan.Verdict) -> String {
        "score \(verdict.score.scoreText) \(verdict.band.rawValue), worst case \(verdict.worst.scoreText) \(verdict.worstBand.rawValue)"
    }

    private static func goal(_ plan: MitigationPlan) -> String {
        "\(plan.target.rawValue) or lower for the \(plan.countsUnknownAtWorst ? "worst case (unknown facts counted at their worst)" : "score (unknown facts left out)")"
    }

    private static func method(_ plan: MitigationPlan) -> String {
        switch plan.method {
        case .exact: "exact: no smaller set of mitigations reaches it (\(plan.evaluated) combinations of \(plan.levers) levers tried)"
        case .greedy: "greedy: \(plan.levers) levers were too many to try every combination, so one was added at a time, the one that lowered the score most; a smaller set may exist"
        }
    }

    /// What an obstacle needs: facts, for a rule that is only unknown; otherwise a
    /// change no mitigation of the pack describes.
    private static func advice(_ obstacle: MitigationPlan.Obstacle) -> String {
        if obstacle.status == .unknown { return "collect the facts it needs; it may not apply at all" }
        return obstacle.hasLever ? "its mitigations conflict with the plan's" : "no mitigation changes facts it reads (context, or history)"
    }

    /// Facts that can move the pack, and those that decide nothing without others.
    static func split(_ facts: [FactToCollect], start: MitigationPlan.Verdict) -> (moving: [FactToCollect], idle: [FactToCollect]) {
        let moving = facts.filter { $0.swing(score: start.score, worst: start.worst) > 0 || !$0.decides.isEmpty }
        return (moving, facts.filter { fact in !moving.contains { $0.slot == fact.slot } })
    }

    private static func range(_ low: Double, _ high: Double) -> String {
        low == high ? low.scoreText : "\(low.scoreText)–\(high.scoreText)"
    }

    private static func bands(_ bands: [Band]) -> String { bands.map(\.rawValue).joined(separator: "/") }

    // MARK: text

    static func text(_ plan: ProjectPlan) -> String {
        // Text from the dossier and the packs, with its control characters shown, as in
        // the text report; this one has no colours of its own.
        let wrap = { (text: String, indent: String) in TextReporter().wrap(text.showingControlCharacters, indent: indent) }
        var out = "Plan for \(plan.name.showingControlCharacters) (\(plan.id)) as of \(plan.asOf)\n\(plan.file.showingControlCharacters)\n"
        if !plan.overrides.isEmpty { out += "what-if: " + plan.overrides.options.showingControlCharacters + "\n" }
        for pack in plan.packs {
            out += "\n\("\(pack.id) \(pack.version)".showingControlCharacters) — now \(verdict(pack.start))\n"
            if let mitigation = pack.plan {
                out += "  target: \(goal(mitigation))\n"
                if mitigation.steps.isEmpty && mitigation.reached {
                    out += "  already there: nothing to change\n"
                } else {
                    if !mitigation.steps.isEmpty { out += wrap(method(mitigation), "  ") }
                    for (number, step) in mitigation.steps.enumerated() {
                        out += wrap("\(number + 1). \(step.rule): \(step.mitigation)", "  ")
                        out += wrap("sets " + step.changes.map { $0.assignment }.joined(separator: ", "), "     ")
                        out += wrap("after: \(verdict(step.after))" + (step.passes.isEmpty ? "" : "; now passing: \(step.passes.joined(separator: ", "))"), "     ")
                    }
                    if mitigation.reached {
                        out += "  reproduce:\n    arbiter score \(plan.file.showingControlCharacters)"
                        out += mitigation.steps.flatMap(\.changes).map { " \\\n      \($0.option.showingControlCharacters)" }.joined() + "\n"
                    } else {
                        out += "  cannot reach \(mitigation.target.rawValue) with the pack's mitigations; in the way:\n"
                        for obstacle in mitigation.obstacles.prefix(12) {
                            out += wrap("\(obstacle.rule) \(obstacle.title) (\(obstacle.status.rawValue), +\(obstacle.contribution.scoreText))"
                                        + " — \(advice(obstacle))", "    ")
                        }
                    }
                }
            }
            if let facts = pack.facts {
                let (moving, idle) = split(facts, start: pack.start)
                out += moving.isEmpty ? "  facts to collect: none alone moves this pack\n" : "  facts to collect, most decisive first:\n"
                for (number, fact) in moving.enumerated() {
                    var line = "\(number + 1). \(fact.path): score \(range(fact.lowestScore, fact.highestScore)) (\(bands(fact.bands))), "
                    line += "worst case \(range(fact.lowestWorst, fact.highestWorst)) (\(bands(fact.worstBands)))"
                    line += fact.canChangeBand(from: pack.start.band, worst: pack.start.worstBand) ? "; can change the band" : ""
                    line += fact.exact ? "" : "; approximate (a rule combines it with other facts)"
                    out += wrap(line, "  ")
                    if !fact.decides.isEmpty { out += wrap("decides \(fact.decides.joined(separator: ", "))", "     ") }
                }
                if !idle.isEmpty {
                    out += wrap("\(idle.count) more unknown fact\(idle.count == 1 ? "" : "s") decide nothing alone: "
                                + idle.map(\.path).joined(separator: ", "), "  ")
                }
            }
        }
        return out
    }

    // MARK: JSON

    static func json(_ plan: ProjectPlan, toolVersion: String) -> String {
        var json = JSONWriter()
        json.open()
        json.int("schema", 1)
        json.open("arbiter")
        json.string("version", toolVersion)
        json.close()
        json.string("as_of", plan.asOf.description)
        json.open("project")
        json.string("file", plan.file)
        json.string("id", plan.id)
        json.string("name", plan.name)
        json.close()
        json.open("overrides", array: true)
        for override in plan.overrides { JSONReporter.write(override, into: &json) }
        json.close(array: true)
        json.open("packs", array: true)
        for pack in plan.packs {
            json.open()
            json.string("id", pack.id)
            json.string("version", pack.version)
            json.open("start")
            write(pack.start, into: &json)
            json.close()
            if let mitigation = pack.plan {
                json.open("plan")
                json.string("target", mitigation.target.rawValue)
                json.string("unknown", mitigation.countsUnknownAtWorst ? "worst" : "best")
                json.string("method", mitigation.method.rawValue)
                json.bool("reached", mitigation.reached)
                json.int("levers", mitigation.levers)
                json.int("evaluated", mitigation.evaluated)
                json.open("steps", array: true)
                for step in mitigation.steps {
                    json.open()
                    json.string("rule", step.rule)
                    json.string("mitigation", step.mitigation)
                    json.open("set", array: true)
                    for change in step.changes { JSONReporter.write(change, into: &json) }
                    json.close(array: true)
                    json.open("after")
                    write(step.after, into: &json)
                    json.close()
                    json.strings("passes", step.passes)
                    json.close()
                }
                json.close(array: true)
                json.string("options", mitigation.options)
                json.open("obstacles", array: true)
                for obstacle in mitigation.obstacles {
                    json.open()
                    json.string("rule", obstacle.rule)
                    json.string("status", obstacle.status.rawValue)
                    json.number("contribution", obstacle.contribution)
                    json.bool("has_lever", obstacle.hasLever)
                    json.close()
                }
                json.close(array: true)
                json.close()
            }
            if let facts = pack.facts {
                json.open("facts_to_collect", array: true)
                for fact in facts {
                    json.open()
                    json.string("path", fact.path)
                    json.bool("exact", fact.exact)
                    json.open("score", array: true)
                    json.number(nil, fact.lowestScore)
                    json.number(nil, fact.highestScore)
                    json.close(array: true)
                    json.open("worst", array: true)
                    json.number(nil, fact.lowestWorst)
                    json.number(nil, fact.highestWorst)
                    json.close(array: true)
                    json.strings("bands", fact.bands.map(\.rawValue))
                    json.strings("worst_bands", fact.worstBands.map(\.rawValue))
                    json.bool("can_change_band", fact.canChangeBand(from: pack.start.band, worst: pack.start.worstBand))
                    json.strings("decides", fact.decides)
                    json.open("values", array: true)
                    for value in fact.candidates { json.value(nil, value) }
                    json.close(array: true)
                    json.close()
                }
                json.close(array: true)
            }
            json.close()
        }
        json.close(array: true)
        json.close()
        return json.text + "\n"
    }

    private static func write(_ verdict: MitigationPlan.Verdict, into json: inout JSONWriter) {
        JSONReporter.writeScore(verdict.score, worst: verdict.worst, band: verdict.band, worstBand: verdict.worstBand, into: &json)
    }

    // MARK: Markdown

    static func markdown(_ plan: ProjectPlan) -> String {
        let escape = { MarkdownReporter.escape($0) }
        var out = "## Plan for \(escape(plan.name)) (`\(plan.id)`)\n\nAs of \(plan.asOf), from `\(plan.file)`.\n"
        if !plan.overrides.isEmpty { out += "\nWhat-if: `\(plan.overrides.options)`\n" }
        for pack in plan.packs {
            out += "\n### \(pack.id) \(pack.version) — now \(pack.start.band.rawValue) (\(verdict(pack.start)))\n\n"
            if let mitigation = pack.plan {
                out += "Target: \(goal(mitigation)).\n\n"
                if mitigation.steps.isEmpty && mitigation.reached {
                    out += "Already there.\n"
                } else {
                    if !mitigation.steps.isEmpty {
                        out += "| # | Rule | Mitigation | Sets | After | Now passing |\n|---|---|---|---|---|---|\n"
                        for (number, step) in mitigation.steps.enumerated() {
                            let sets = step.changes.map { "`\($0.assignment)`" }.joined(separator: ", ")
                            out += "| \(number + 1) | `\(step.rule)` | \(escape(step.mitigation)) | \(sets) | \(step.after.band.rawValue), \(step.after.score.scoreText) "
                            out += "(worst \(step.after.worstBand.rawValue)) | \(step.passes.map { "`\($0)`" }.joined(separator: ", ")) |\n"
                        }
                        out += "\n_\(method(mitigation))._\n"
                    }
                    if mitigation.reached {
                        out += "\nReproduce: `arbiter score \(plan.file) \(mitigation.options)`\n"
                    } else {
                        out += "\nCannot reach \(mitigation.target.rawValue) with the pack's mitigations. In the way:\n\n"
                        for obstacle in mitigation.obstacles.prefix(12) {
                            out += "- `\(obstacle.rule)` \(escape(obstacle.title)) (\(obstacle.status.rawValue), +\(obstacle.contribution.scoreText))"
                            out += " — \(advice(obstacle))\n"
                        }
                    }
                }
            }
            if let facts = pack.facts.map({ split($0, start: pack.start).moving }), !facts.isEmpty {
                out += "\n| Fact to collect | Score | Worst case | Can change band | Decides |\n|---|---|---|---|---|\n"
                for fact in facts {
                    out += "| `\(fact.path)`\(fact.exact ? "" : " (approximate)") | \(range(fact.lowestScore, fact.highestScore)) | "
                    out += "\(range(fact.lowestWorst, fact.highestWorst)) | "
                    out += "\(fact.canChangeBand(from: pack.start.band, worst: pack.start.worstBand) ? "yes" : "no") | "
                    out += fact.decides.map { "`\($0)`" }.joined(separator: ", ") + " |\n"
                }
            }
        }
        return out
    }

    // MARK: HTML

    static func html(_ plan: ProjectPlan) -> String {
        let escape = XMLText.escape
        var out = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plan for \(escape(plan.name))</title>"
        out += "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1d2430}table{border-collapse:collapse}"
        out += "td,th{border:1px solid #d5dae1;padding:.25rem .5rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head><body>\n"
        out += "<h1>Plan for \(escape(plan.name)) (\(escape(plan.id)))</h1>\n<p>As of \(plan.asOf), from <code>\(escape(plan.file))</code>.</p>\n"
        if !plan.overrides.isEmpty { out += "<p>What-if: <code>\(escape(plan.overrides.options))</code></p>\n" }
        for pack in plan.packs {
            out += "<section><h2>\(escape(pack.id)) \(escape(pack.version)) — now \(pack.start.band.rawValue)</h2><p>\(escape(verdict(pack.start)))</p>\n"
            if let mitigation = pack.plan {
                out += "<p>Target: \(escape(goal(mitigation))).</p>\n"
                if !mitigation.steps.isEmpty {
                    out += "<table><tr><th>#</th><th>Rule</th><th>Mitigation</th><th>Sets</th><th>After</th><th>Now passing</th></tr>\n"
                    for (number, step) in mitigation.steps.enumerated() {
                        let sets = step.changes.map { escape($0.assignment) }.joined(separator: "<br>")
                        out += "<tr><td>\(number + 1)</td><td>\(escape(step.rule))</td><td>\(escape(step.mitigation))</td><td><code>\(sets)</code></td>"
                        out += "<td>\(escape(verdict(step.after)))</td><td>\(escape(step.passes.joined(separator: ", ")))</td></tr>\n"
                    }
                    out += "</table><p><em>\(escape(method(mitigation)))</em></p>\n"
                }
                if mitigation.reached && !mitigation.steps.isEmpty {
                    out += "<p>Reproduce: <code>arbiter score \(escape(plan.file)) \(escape(mitigation.options))</code></p>\n"
                } else if !mitigation.reached {
                    out += "<p>Cannot reach \(mitigation.target.rawValue) with the pack's mitigations. In the way:</p><ul>"
                    for obstacle in mitigation.obstacles.prefix(12) {
                        out += "<li>\(escape(obstacle.rule)) \(escape(obstacle.title)) (+\(obstacle.contribution.scoreText))</li>"
                    }
                    out += "</ul>\n"
                }
            }
            if let facts = pack.facts, !facts.isEmpty {
                out += "<table><tr><th>Fact to collect</th><th>Score</th><th>Worst case</th><th>Decides</th></tr>\n"
                for fact in facts {
                    out += "<tr><td><code>\(escape(fact.path))</code></td><td>\(range(fact.lowestScore, fact.highestScore))</td>"
                    out += "<td>\(range(fact.lowestWorst, fact.highestWorst))</td><td>\(escape(fact.decides.joined(separator: ", ")))</td></tr>\n"
                }
                out += "</table>\n"
            }
            out += "</section>\n"
        }
        return out + "</body></html>\n"
    }
}
