import ArbiterCore

/// Renders a `VerdictDiff` as text for a terminal, markdown for a pull-request comment,
/// or JSON for scripts.
public enum VerdictDiffReporter {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, json }

    public static func render(_ diff: VerdictDiff, oldName: String, newName: String, format: Format) -> String {
        switch format {
        case .text: text(diff, oldName: oldName, newName: newName)
        case .markdown: markdown(diff, oldName: oldName, newName: newName)
        case .json: json(diff, oldName: oldName, newName: newName)
        }
    }

    // MARK: Shared phrasing

    static func summary(_ diff: VerdictDiff) -> String {
        let changed = diff.projects.count
        var parts = ["\(diff.compared) project\(diff.compared == 1 ? "" : "s") in both reports"]
        let moved = diff.projects.filter(\.movesVerdict).count
        parts.append(changed == 0 ? "nothing changed" : "\(changed) changed (\(moved) in verdict, score or range)")
        parts.append("\(diff.bandChanges) band change\(diff.bandChanges == 1 ? "" : "s")")
        if diff.largestScoreChange > 0 { parts.append("largest score move \(Value.format(round1(diff.largestScoreChange)))") }
        return parts.joined(separator: ", ")
    }

    /// What changed in one pack's definition, one phrase per change.
    static func packPhrases(_ pack: VerdictDiff.PackDefinitionChange) -> [String] {
        var phrases: [String] = []
        switch (pack.oldVersion, pack.newVersion) {
        case (let old?, let new?) where old != new: phrases.append("version \(old) → \(new)")
        case (nil, let new?): phrases.append("pack added (\(new))")
        case (let old?, nil): phrases.append("pack removed (was \(old))")
        default: break
        }
        if pack.thresholdsChanged, let old = pack.oldBands, let new = pack.newBands {
            for (name, before, after) in [("moderate", old.moderate, new.moderate), ("high", old.high, new.high),
                                          ("critical", old.critical, new.critical)] where before != after {
                phrases.append("\(name) threshold \(Value.format(before)) → \(Value.format(after))")
            }
        }
        for rule in pack.rules {
            switch rule.kind {
            case .added: phrases.append("new rule \(rule.rule) (\(rule.new!.severity), weight \(Value.format(rule.new!.weight)))")
            case .removed: phrases.append("removed rule \(rule.rule)")
            case .reweighted: phrases.append("\(rule.rule) weight \(Value.format(rule.old!.weight)) → \(Value.format(rule.new!.weight))")
            case .severity: phrases.append("\(rule.rule) severity \(rule.old!.severity) → \(rule.new!.severity)")
            }
        }
        return phrases
    }

    static func verdictText(_ pack: ReportSnapshot.PackVerdict?) -> String {
        guard let pack else { return "—" }
        return pack.verdict == pack.band.rawValue ? pack.band.rawValue : "\(pack.verdict) (\(pack.band.rawValue))"
    }

    static func scoreText(_ change: VerdictDiff.PackChange) -> String {
        switch (change.old, change.new) {
        case (let old?, let new?):
            let delta = round1(change.scoreDelta)
            let sign = delta > 0 ? "+" : ""
            if old.score == new.score { return "\(Value.format(new.score)) (unchanged)" }
            return "\(Value.format(old.score)) → \(Value.format(new.score))" + (delta == 0 ? "" : " (\(sign)\(Value.format(delta)))")
        case (let old?, nil): return Value.format(old.score) + " → —"
        case (nil, let new?): return "— → " + Value.format(new.score)
        default: return "—"
        }
    }

    static func rangeText(_ range: ClosedRange<Double>) -> String {
        "\(Value.format(range.lowerBound))–\(Value.format(range.upperBound))"
    }

    static func findingText(_ change: VerdictDiff.FindingChange) -> String {
        switch change.kind {
        case .appeared:
            let finding = change.new!
            return "+ \(change.rule) \(finding.status.rawValue)" + (change.ruleAdded ? " (new rule)" : "")
                + contributionSuffix(finding) + " — \(change.title)"
        case .disappeared:
            let finding = change.old!
            return "- \(change.rule) was \(finding.status.rawValue)" + (change.ruleRemoved ? " (rule removed)" : ", now passes")
                + " — \(change.title)"
        case .status:
            return "~ \(change.rule) \(change.old!.status.rawValue) → \(change.new!.status.rawValue)" + contributionSuffix(change.new!)
                + " — \(change.title)"
        case .contribution:
            let old = change.old!, new = change.new!
            return "~ \(change.rule) \(new.status.rawValue), contribution \(Value.format(old.contribution)) → \(Value.format(new.contribution))"
                + (old.maxContribution == new.maxContribution ? "" : " (at most \(Value.format(old.maxContribution)) → \(Value.format(new.maxContribution)))")
                + " — \(change.title)"
        }
    }

    private static func contributionSuffix(_ finding: ReportSnapshot.Finding) -> String {
        switch finding.status {
        case .fired: ", contributes \(Value.format(finding.contribution))"
        case .unknown: ", up to \(Value.format(finding.maxContribution))"
        case .waived, .passed, .notApplicable: ""
        }
    }

    /// Why scores of reports of the two formats do not compare.
    static func schemaNote(_ schemas: (old: Int, new: Int), oldName: String, newName: String) -> String {
        func meaning(_ schema: Int) -> String { schema >= 2 ? "risk points" : "shares of 100" }
        return "\(oldName) is a report of schema \(schemas.old) (scores are \(meaning(schemas.old))) and \(newName) of schema \(schemas.new) "
            + "(\(meaning(schemas.new))): compare bands and verdicts, not scores; --fail-on score-change is not applied"
    }

    private static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    // MARK: Text

    static func text(_ diff: VerdictDiff, oldName: String, newName: String) -> String {
        var out = "diff \(oldName) → \(newName)\n"
        if let schemas = diff.incomparableSchema { out += "note: " + schemaNote(schemas, oldName: oldName, newName: newName) + "\n" }
        let packs = diff.packs.filter(\.isChange)
        if !packs.isEmpty {
            out += "\npacks:\n"
            for pack in packs { out += "  \(pack.id): " + packPhrases(pack).joined(separator: "; ") + "\n" }
        }
        for project in diff.projects where project.movesVerdict {
            out += "\n\(project.id) — \(project.name)"
            switch project.presence {
            case .onlyNew: out += " (only in \(newName))\n"
            case .onlyOld: out += " (only in \(oldName))\n"
            case .both: out += "\n"
            }
            for pack in project.packs {
                out += "  \(pack.id): \(verdictText(pack.old)) → \(verdictText(pack.new)), score \(scoreText(pack))"
                if pack.rangeChanged, let old = pack.old, let new = pack.new {
                    out += ", range \(rangeText(old.range)) → \(rangeText(new.range))"
                }
                out += "\n"
                for finding in pack.findings { out += "    " + findingText(finding) + "\n" }
            }
        }
        let quiet = diff.projects.filter { !$0.movesVerdict }
        if !quiet.isEmpty {
            out += "\nfindings changed, verdicts and scores did not (\(quiet.count)): " + quiet.map(\.id).joined(separator: ", ") + "\n"
        }
        for file in diff.newErrors { out += "\nnow fails to load: \(file)\n" }
        for file in diff.fixedErrors { out += "\nnow loads: \(file)\n" }
        return out + "\n" + summary(diff) + "\n"
    }

    // MARK: Markdown

    static func markdown(_ diff: VerdictDiff, oldName: String, newName: String) -> String {
        let escape = { MarkdownReporter.escape($0) }
        var out = "### Arbiter verdict diff\n\n`\(escape(oldName))` → `\(escape(newName))`: \(summary(diff)).\n"
        if let schemas = diff.incomparableSchema { out += "\n> " + escape(schemaNote(schemas, oldName: oldName, newName: newName)) + "\n" }
        let packs = diff.packs.filter(\.isChange)
        if !packs.isEmpty {
            out += "\n**Pack changes**\n\n"
            for pack in packs { out += "- `\(escape(pack.id))`: " + packPhrases(pack).map(escape).joined(separator: "; ") + "\n" }
        }
        if diff.projects.contains(where: \.movesVerdict) {
            out += "\n| Project | Pack | Verdict | Score | Range |\n|---|---|---|---|---|\n"
            for project in diff.projects where project.movesVerdict {
                for pack in project.packs where pack.movesVerdict || project.presence != .both {
                    let verdict = "\(verdictText(pack.old)) → \(verdictText(pack.new))"
                    let range = pack.rangeChanged
                        ? "\(pack.old.map { rangeText($0.range) } ?? "—") → \(pack.new.map { rangeText($0.range) } ?? "—")"
                        : pack.new.map { rangeText($0.range) } ?? "—"
                    out += "| \(escape(project.name)) | \(escape(pack.id)) | "
                        + (pack.verdictChanged ? "**\(escape(verdict))**" : escape(verdict))
                        + " | \(escape(scoreText(pack))) | \(escape(range)) |\n"
                }
            }
        }
        if !diff.projects.isEmpty {
            let findingLines = diff.projects.flatMap { project in
                project.packs.flatMap { pack in pack.findings.map { "- \(escape(project.id)) · \(escape(pack.id)): \(escape(findingText($0)))" } }
            }
            if !findingLines.isEmpty {
                out += "\n<details><summary>\(findingLines.count) finding change\(findingLines.count == 1 ? "" : "s")</summary>\n\n"
                    + findingLines.joined(separator: "\n") + "\n\n</details>\n"
            }
        }
        for file in diff.newErrors { out += "\n- now fails to load: `\(escape(file))`" }
        for file in diff.fixedErrors { out += "\n- now loads: `\(escape(file))`" }
        return out + (diff.newErrors.isEmpty && diff.fixedErrors.isEmpty ? "" : "\n")
    }

    // MARK: JSON

    static func json(_ diff: VerdictDiff, oldName: String, newName: String) -> String {
        var json = JSONWriter()
        json.open()
        json.int("schema", 1)
        json.string("old", oldName)
        json.string("new", newName)
        if let schemas = diff.incomparableSchema { json.string("note", schemaNote(schemas, oldName: oldName, newName: newName)) }
        json.open("summary")
        json.int("compared", diff.compared)
        json.int("changed", diff.projects.count)
        json.int("band_changes", diff.bandChanges)
        json.number("largest_score_change", round1(diff.largestScoreChange))
        json.close()
        json.open("packs", array: true)
        for pack in diff.packs {
            json.open()
            json.string("id", pack.id)
            json.string("old_version", pack.oldVersion)
            json.string("new_version", pack.newVersion)
            json.bool("thresholds_changed", pack.thresholdsChanged)
            json.open("rules", array: true)
            for rule in pack.rules {
                json.open()
                json.string("rule", rule.rule)
                json.string("change", rule.kind.rawValue)
                json.number("old_weight", rule.old?.weight)
                json.number("new_weight", rule.new?.weight)
                json.string("old_severity", rule.old?.severity)
                json.string("new_severity", rule.new?.severity)
                json.close()
            }
            json.close(array: true)
            json.close()
        }
        json.close(array: true)
        json.open("projects", array: true)
        for project in diff.projects {
            json.open()
            json.string("id", project.id)
            json.string("name", project.name)
            json.string("presence", project.presence.rawValue)
            json.open("packs", array: true)
            for pack in project.packs {
                json.open()
                json.string("id", pack.id)
                json.string("old_verdict", pack.old?.verdict)
                json.string("new_verdict", pack.new?.verdict)
                json.string("old_band", pack.old?.band.rawValue)
                json.string("new_band", pack.new?.band.rawValue)
                json.number("old_score", pack.old?.score)
                json.number("new_score", pack.new?.score)
                json.number("score_change", pack.old != nil && pack.new != nil ? round1(pack.scoreDelta) : nil)
                json.open("findings", array: true)
                for finding in pack.findings {
                    json.open()
                    json.string("rule", finding.rule)
                    json.string("change", finding.kind.rawValue)
                    json.string("old_status", finding.old?.status.rawValue)
                    json.string("new_status", finding.new?.status.rawValue)
                    json.number("old_contribution", finding.old?.contribution)
                    json.number("new_contribution", finding.new?.contribution)
                    if finding.ruleAdded { json.bool("rule_added", true) }
                    if finding.ruleRemoved { json.bool("rule_removed", true) }
                    json.close()
                }
                json.close(array: true)
                json.close()
            }
            json.close(array: true)
            json.close()
        }
        json.close(array: true)
        json.strings("new_errors", diff.newErrors)
        json.strings("fixed_errors", diff.fixedErrors)
        json.close()
        return json.text + "\n"
    }
}
