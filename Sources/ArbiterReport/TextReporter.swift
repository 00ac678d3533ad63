import ArbiterCore

/// The report for people at a terminal, verdict first.
///
/// One project (`score`): the verdict and why (each pack's band, score, range and
/// completeness, and any floor), then the fired findings of every pack by severity, the
/// evidence many of them share printed once, then one ranked list of the facts to
/// collect, and the unknown findings as a count per pack (listed with `--verbose`).
/// A batch (`audit`, `gate`): one line per project sorted by risk, then the totals and,
/// for a gate, the failing projects with the kind of reason each failed for; each
/// project in full only with `--verbose`. Wraps at the context's width.
///
/// Every text that comes from a dossier, a pack, a waiver or a file name is shown with
/// its control characters as escapes (`showingControlCharacters`): the report goes to a
/// terminal, and only the report's own line breaks and colours may reach it.
public struct TextReporter: Reporter {
    /// `audit` and `gate`: a table of every project at the end.
    public var batch: Bool

    public init(batch: Bool = false) {
        self.batch = batch
    }

    public var needsProjectLines: Bool { batch }

    public var separator: String { "\n" + String(repeating: "=", count: 78) + "\n\n" }

    /// Evidence behind at least this many fired findings is printed once, not under each.
    static let sharedEvidenceThreshold = 3
    /// Facts to collect shown without `--verbose`.
    static let factsShown = 10

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        if batch && !context.verbose { return "" }
        let style = Style(colored: context.colored)
        let width = context.width
        var out = style.bold("\(project.name.showingControlCharacters) (\(project.id))") + "\n"
        out += "\(project.file.showingControlCharacters)\(project.country.map { " · country \($0)" } ?? "")\n"
        if let description = project.description {
            // Its paragraphs, each indented: a line break of its own would start a line
            // that reads as the report's.
            for paragraph in description.split(separator: "\n") {
                out += wrap(String(paragraph).showingControlCharacters, indent: "  ", width: width)
            }
        }
        if let whatIf = project.whatIf {
            out += wrap("what-if: " + whatIf.options.showingControlCharacters, indent: "", width: width)
            for (before, after) in project.whatIfChanges {
                out += "  \(before.pack.showingControlCharacters): score \(before.score.scoreText) \(before.band.rawValue) (worst \(before.worstBand.rawValue))"
                out += " -> \(after.score.scoreText) \(after.band.rawValue) (worst \(after.worstBand.rawValue))\n"
            }
        }
        out += "\n" + verdict(project, style: style, width: width)
        if let gate = project.gate {
            out += "gate: " + (gate.passed ? style.green("passed") : style.red("FAILED"))
            out += gate.passed ? "\n" : " (" + gate.causeClasses.map(\.label).joined(separator: ", ") + ")\n"
            for reason in gate.reasons { out += wrap("- " + reason.showingControlCharacters, indent: "  ", width: width) }
            if !gate.warnings.isEmpty {
                out += "gate warnings: \(gate.warnings.count) unknown rule\(gate.warnings.count == 1 ? "" : "s") that do not fail the gate could still change the verdict\n"
                for warning in gate.warnings { out += wrap("- " + warning.text.showingControlCharacters, indent: "  ", width: width) }
            }
        }
        out += findings(project, context: context, style: style)
        return out
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        var out = ""
        if batch {
            out += table(summary, context: context)
            out += totals(summary, context: context)
        } else if summary.projectCount > 1 || !summary.errors.isEmpty || context.quiet {
            out += (context.quiet ? "" : "\n") + totals(summary, context: context)
        }
        if !summary.waivers.isEmpty {
            out += "\nwaivers:\n"
            for outcome in summary.waivers {
                let waiver = outcome.waiver
                out += "  \(outcome.state.rawValue.padding(7)) \(waiver.rule.showingControlCharacters) for \(waiver.project.showingControlCharacters) until \(waiver.expires)"
                out += outcome.state == .applied ? " (\(outcome.matched) finding\(outcome.matched == 1 ? "" : "s"))\n" : "\n"
                if outcome.state == .stale { out += "          matches no finding any more; remove it\n" }
                if outcome.state == .expired { out += "          expired; renew it with a new review or fix the finding\n" }
            }
        }
        return out
    }

    // MARK: One project

    /// The overall verdict, then a row per pack and the notes that explain a band.
    private func verdict(_ project: ProjectResult, style: Style, width: Int) -> String {
        // The headline names the pack that decides the verdict and gives that pack's own
        // points: one pack's number never stands beside another pack's band.
        let verdict = project.verdict
        let deciding = project.packs.filter { Verdict($0) == verdict }.max { $0.score < $1.score }
        var out = style.bold("VERDICT") + " "
        switch verdict {
        case .band(let band): out += style.band(band)
        case .insufficientData: out += style.bold("INSUFFICIENT DATA")
        case .notApplicable: out += style.bold("NOT APPLICABLE")
        }
        if let deciding, verdict.band != nil {
            out += " — \(deciding.pack.showingControlCharacters), \(deciding.score.scoreText) points"
        } else if verdict == .insufficientData {
            out += " — no pack knows enough for a band"
        } else {
            out += " — no pack's rules apply to this project"
        }
        // The range can be closed with rules undecided (a fault, or a pack other than the
        // riskiest), so what is said of them is counted, not read off the range.
        let undecided = project.packs.reduce(0) { $0 + $1.undecidedCount }
        if let deciding, verdict.band != nil, deciding.worst > deciding.score {
            out += ", up to \(deciding.worst.scoreText) (\(deciding.worstBand.rawValue)) if the unknown facts go against it\n"
        } else if project.worst > project.score {
            out += "\n"
        } else if undecided == 0 {
            out += "; every rule decided\n"
        } else {
            out += "; \(undecided) rule\(undecided == 1 ? "" : "s") undecided, none of which could raise it\n"
        }
        out = wrap(String(out.dropLast()), indent: "", width: width)
        let names = project.packs.map(\.pack.showingControlCharacters)
        let nameWidth = names.map(\.count).max() ?? 0
        let verdicts = project.packs.map { pack in
            switch Verdict(pack) {
            case .band(let band): band.rawValue.uppercased()
            case .insufficientData: "INSUFFICIENT"
            case .notApplicable: "N/A"
            }
        }
        let verdictWidth = verdicts.map(\.count).max() ?? 0
        for (index, (pack, verdict)) in zip(project.packs, verdicts).enumerated() {
            out += "  " + names[index].padding(nameWidth) + "  " + style.bandText(verdict.padding(verdictWidth), pack.band)
            out += "  " + pack.score.scoreText.leftPadding(4)
            out += " points"
            out += pack.worst > pack.score ? ", up to \(pack.worst.scoreText) \(pack.worstBand.rawValue)" : ", no unknowns"
            out += "  \(Int((pack.completeness * 100).rounded()))% known\n"
            for note in pack.verdictNotes { out += wrap(note.showingControlCharacters, indent: "    ", width: width) }
        }
        return out
    }

    private func findings(_ project: ProjectResult, context: ReportContext, style: Style) -> String {
        let width = context.width
        let listing = context.listing
        let listed = project.listedFindings(listing)
        let fired = listed.filter { $0.finding.status == .fired }
        let waived = listed.filter { $0.finding.status == .waived }
        let unknown = listed.filter { $0.finding.status == .unknown }
        var out = ""
        let filterNote = listing.summary.map { " — listing \($0)" } ?? ""

        // Evidence that many findings rest on, printed once.
        var uses: [String: Int] = [:]
        for (_, finding) in fired {
            for evidence in finding.evidence { uses[evidenceKey(evidence), default: 0] += 1 }
        }
        let shared = Set(uses.filter { $0.value >= Self.sharedEvidenceThreshold }.keys)

        if !fired.isEmpty {
            out += "\n" + style.bold("FIRED FINDINGS (\(fired.count))") + filterNote + "\n"
            for (pack, finding) in fired { out += render(finding, pack: pack, of: project, hiding: shared, style: style, width: width) }
            if !shared.isEmpty {
                var sharedLines: [(count: Int, text: String)] = []
                var seen: Set<String> = []
                for (_, finding) in fired {
                    for evidence in finding.evidence where shared.contains(evidenceKey(evidence)) && seen.insert(evidenceKey(evidence)).inserted {
                        sharedLines.append((uses[evidenceKey(evidence)]!, evidenceText(evidence, of: project)))
                    }
                }
                for line in sharedLines {
                    out += wrap("shared evidence of \(line.count) findings: " + line.text, indent: "  ", width: width)
                }
            }
        } else if listing.statuses?.contains(.fired) ?? true {
            out += "\nno finding fired" + filterNote + "\n"
        }
        if !waived.isEmpty {
            out += "\n" + style.bold("WAIVED (\(waived.count))") + "\n"
            for (pack, finding) in waived { out += render(finding, pack: pack, of: project, hiding: [], style: style, width: width) }
        }
        if !unknown.isEmpty {
            out += collect(project, context: context, style: style)
            if context.verbose {
                out += "\n" + style.bold("UNKNOWN FINDINGS (\(unknown.count))") + "\n"
                for (pack, finding) in unknown { out += render(finding, pack: pack, of: project, hiding: [], style: style, width: width) }
            } else {
                let counts = project.packs.compactMap { pack -> String? in
                    let count = unknown.filter { $0.pack == pack.pack }.count
                    return count == 0 ? nil : "\(count) in \(pack.pack.showingControlCharacters) (up to +\((pack.worst - pack.score).scoreText))"
                }
                out += "\n" + wrap(style.dim("unknown findings: " + counts.joined(separator: ", ") + "; --verbose lists them"),
                                   indent: "", width: width)
            }
        }
        out += searches(project, style: style, width: width)
        // Rules whose guard is false, named in one line: they count nowhere.
        let inapplicable = project.packs.flatMap(\.notApplicableRules)
        if !inapplicable.isEmpty {
            out += "\n" + wrap(style.dim("not applicable (\(inapplicable.count)): " + (context.verbose || inapplicable.count <= 8
                ? inapplicable.joined(separator: ", ") : inapplicable.prefix(8).joined(separator: ", ") + ", … (--verbose lists them)")),
                                 indent: "", width: width)
        }
        return out
    }

    /// Adverse events searched for and not found: fresh ones stand for false, stale ones
    /// are unknown again and say so.
    private func searches(_ project: ProjectResult, style: Style, width: Int) -> String {
        guard !project.searches.isEmpty || !project.staleSearches.isEmpty else { return "" }
        var out = "\n" + style.bold("SEARCHED, NONE FOUND (\(project.searches.count + project.staleSearches.count))") + "\n"
        for search in project.searches {
            out += wrap("\(search.path): \(search.summary) (\(search.sources.joined(separator: ", "))); counts as false until \(search.freshUntil)"
                            .showingControlCharacters, indent: "  ", width: width)
        }
        for search in project.staleSearches {
            out += wrap("\(search.path): stale, searched on \(search.on) and valid until \(search.freshUntil); unknown again, search again"
                            .showingControlCharacters, indent: "  ", width: width)
        }
        return out
    }

    /// The ranked facts to collect, each once.
    private func collect(_ project: ProjectResult, context: ReportContext, style: Style) -> String {
        let facts = FactsToCollect(project, listing: context.listing).facts
        guard !facts.isEmpty else { return "" }
        let shown = context.verbose ? facts : Array(facts.prefix(Self.factsShown))
        var out = "\n" + style.bold("FACTS TO COLLECT (\(facts.count))") + " — most decisive first\n"
        // Packs by the prefix their rule ids share (DA, DR), to keep each fact on a line.
        let labels = Self.shortLabels(project.packs)
        let legend = project.packs.compactMap { pack in labels[pack.pack].map { "\($0) = \(pack.pack)".showingControlCharacters } }
        if !legend.isEmpty { out += wrap("points each could add to a pack's score: " + legend.joined(separator: ", "), indent: "  ", width: context.width) }
        let paths = shown.map(\.path.showingControlCharacters)
        let pathWidth = min(paths.map(\.count).max() ?? 0, 44)
        let numberWidth = String(shown.count).count + 1
        for (index, fact) in shown.enumerated() {
            let moves = fact.points.filter { $0.points > 0 }.map { "+\($0.points.scoreText) \((labels[$0.pack] ?? $0.pack).showingControlCharacters)" }
            let head = "  " + "\(index + 1).".leftPadding(numberWidth) + " " + paths[index].padding(pathWidth)
                + "  " + "\(fact.rules.count) rule\(fact.rules.count == 1 ? " " : "s")".leftPadding(8)
            let tail = moves.isEmpty ? "" : "  up to " + moves.joined(separator: ", ")
            if head.count + tail.count <= context.width {
                out += head + tail + "\n"
            } else {
                out += head + "\n" + wrap(tail.dropFirst(2).description, indent: String(repeating: " ", count: numberWidth + 5), width: context.width)
            }
        }
        if shown.count < facts.count { out += "  … \(facts.count - shown.count) more; --verbose lists them all, `arbiter plan --collect` ranks them exactly\n" }
        return out
    }

    private func render(_ finding: Finding, pack: String, of project: ProjectResult, hiding shared: Set<String>,
                        style: Style, width: Int) -> String {
        let label: String, amount: String
        switch finding.status {
        case .fired, .passed, .notApplicable:
            label = style.severity(finding.severity)
            // Its points after the category's cap, and its share of the pack's points.
            let result = project.packs.first { $0.pack == pack }
            let points = result?.points(of: finding) ?? finding.contribution
            amount = "+\(points.scoreText)" + (points < finding.contribution ? " of \(finding.contribution.scoreText), capped" : "")
                + (result.map { $0.score > 0 ? " (\(Int(($0.share(of: finding) * 100).rounded())) %)" : "" } ?? "")
                + (finding.maxContribution > finding.contribution ? " (up to +\(finding.maxContribution.scoreText))" : "")
        case .unknown:
            label = style.dim("[\(finding.severity.rawValue)?]")
            amount = "up to +\(finding.maxContribution.scoreText)"
        case .waived:
            label = style.waived("[\(finding.severity.rawValue), waived]")
            amount = "+\(finding.contribution.scoreText) waived"
        }
        var head = "\(label) \(finding.rule.showingControlCharacters) \(finding.title.showingControlCharacters)  \(amount)"
        if finding.advisory { head += "  " + style.advisory("[advisory]") }
        var out = wrap(head, indent: "  ", width: width)
        if finding.status != .unknown || finding.fault != nil {
            out += wrap(finding.message.showingControlCharacters, indent: "      ", width: width)
        }
        // An unknown finding is about what is missing; its guard facts would only add noise.
        if finding.outcome != .unknown {
            for evidence in finding.evidence where !shared.contains(evidenceKey(evidence)) {
                out += wrap("evidence: " + evidenceText(evidence, of: project), indent: "      ", width: width)
            }
        }
        if !finding.missing.isEmpty {
            out += wrap("missing: " + finding.missing.joined(separator: ", ").showingControlCharacters, indent: "      ", width: width)
        }
        if let fault = finding.fault { out += wrap("fault: \(fault.showingControlCharacters)", indent: "      ", width: width) }
        if finding.status != .unknown {
            for reference in finding.references {
                out += wrap("see: \(reference.title) <\(reference.url)>".showingControlCharacters, indent: "      ", width: width)
            }
            for mitigation in finding.mitigations { out += wrap("mitigate: \(mitigation.showingControlCharacters)", indent: "      ", width: width) }
        }
        if let waiver = finding.waiver {
            let line = waiver.state == .applied
                ? "waived until \(waiver.expires) by \(waiver.approvedBy): \(waiver.reason)"
                : "waiver EXPIRED on \(waiver.expires), not applied (\(waiver.approvedBy): \(waiver.reason))"
            out += wrap(line.showingControlCharacters, indent: "      ", width: width)
        }
        return out
    }

    /// The prefix every rule id of a pack shares before its first '-' (DA for DA-BIO-001),
    /// when each pack has one and they differ.
    static func shortLabels(_ packs: [PackResult]) -> [String: String] {
        shortLabels(packs.map(\.pack), rules: packs.map { $0.findings.rules.map(\.id) })
    }

    static func shortLabels(_ packs: [String], rules: [[String]]) -> [String: String] {
        var labels: [String: String] = [:]
        for (pack, ids) in zip(packs, rules) {
            let prefixes = Set(ids.map { $0.split(separator: "-").first.map(String.init) ?? $0 })
            guard prefixes.count == 1, let prefix = prefixes.first, prefix.count < pack.count else { return [:] }
            labels[pack] = prefix
        }
        return Set(labels.values).count == labels.count ? labels : [:]
    }

    private func evidenceKey(_ evidence: Evidence) -> String {
        "\(evidence.path)@\(evidence.range.start.line):\(evidence.range.start.column)"
    }

    private func evidenceText(_ evidence: Evidence, of project: ProjectResult) -> String {
        let place = evidence.range.start.line == 0 ? "what-if" : "line \(evidence.range.start.line)"
        var text = evidence.search.map { "\(evidence.path): \($0.summary) (\(place))" }
            ?? "\(evidence.path) = \(evidence.value.displayText) (\(place))"
        if !evidence.sources.isEmpty { text += " sources: " + evidence.sources.joined(separator: ", ") }
        return text.showingControlCharacters
    }

    // MARK: A batch

    /// A line per project, riskiest first.
    private func table(_ summary: RunSummary, context: ReportContext) -> String {
        guard !context.quiet else { return "" }
        let lines = summary.lines.filter { !context.onlyFailing || $0.gate?.passed == false }.sorted(by: ProjectLine.riskOrder)
        guard !lines.isEmpty else { return "" }
        let style = Style(colored: context.colored)
        let packs = context.packs.map(\.id)
        let labels = Self.shortLabels(context.packs.map(\.id), rules: context.packs.map { $0.rules.map(\.id) })
        var header = ["PROJECT"] + packs.map { (labels[$0] ?? $0).showingControlCharacters } + ["SCORE–WORST", "KNOWN", "FIRED"]
        if context.gated { header.append("GATE") }
        var rows: [[String]] = lines.map { line in
            var row = [line.id]
            for pack in packs {
                let cell = line.packs.first { $0.pack == pack }
                row.append(cell.map { $0.verdict == "insufficient-data" ? "insufficient" : $0.verdict == "not-applicable" ? "n/a" : $0.band.rawValue } ?? "—")
            }
            row += ["\(line.score.scoreText)–\(line.worst.scoreText)", "\(Int((line.completeness * 100).rounded()))%", String(line.fired)]
            if context.gated { row.append(line.gate.map { $0.passed ? "passed" : "FAILED" } ?? "—") }
            return row
        }
        rows.insert(header, at: 0)
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = context.verbose ? "\n" + String(repeating: "=", count: 78) + "\n" : ""
        // A gate that passes on changed facts must say so where the result is read.
        if let options = summary.lines.lazy.compactMap(\.whatIf).first {
            out += wrap("what-if: \(options.showingControlCharacters) (set in every project before evaluation; each row is the changed project)",
                        indent: "", width: context.width)
        }
        let legend = packs.compactMap { pack in labels[pack].map { "\($0) = \(pack)".showingControlCharacters } }
        if !legend.isEmpty {
            out += wrap("bands by pack (\(legend.joined(separator: ", "))); SCORE–WORST: the highest pack score and how high unknown facts could take it; KNOWN: the lowest pack completeness",
                        indent: "", width: context.width)
        }
        for (index, row) in rows.enumerated() {
            var text = ""
            for column in row.indices {
                let cell = row[column]
                let numeric = column > packs.count && (!context.gated || column < row.count - 1)
                let padded = numeric ? cell.leftPadding(widths[column]) : cell.padding(widths[column])
                if index > 0, column >= 1, column <= packs.count, let band = Band(rawValue: cell) {
                    text += style.bandText(padded, band)
                } else if index > 0, context.gated, column == row.count - 1, cell == "FAILED" {
                    text += style.red(padded)
                } else {
                    text += index == 0 ? style.bold(padded) : padded
                }
                text += "  "
            }
            let used = widths.reduce(0, +) + 2 * widths.count
            if index == 0 {
                text += style.bold("TOP FINDING")
            } else if let top = lines[index - 1].top {
                let room = context.width - used
                let full = "\(top.rule) \(top.title)".showingControlCharacters
                text += room >= 16 ? truncate(full, to: room) : top.rule.showingControlCharacters
            }
            out += trimTrailing(text) + "\n"
        }
        return out
    }

    /// Totals, errors and, for a gate, every failing project with why.
    private func totals(_ summary: RunSummary, context: ReportContext) -> String {
        var out = context.quiet ? "" : "\n"
        out += "\(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") scored: \(summary.bandCountsText)\n"
        let errors = summary.errors.filter { $0.severity == .error }
        if !errors.isEmpty {
            let files = Set(errors.map(\.file)).count
            out += "\(files) file\(files == 1 ? "" : "s") could not be scored (\(errors.count) error\(errors.count == 1 ? "" : "s"); see the messages above)\n"
        }
        if context.gated {
            let failing = summary.lines.filter { $0.gate?.passed == false }.sorted(by: ProjectLine.riskOrder)
            if summary.gateFailures == 0 {
                out += summary.projectCount == 1 ? "gate: passed\n" : "gate: all \(summary.projectCount) projects passed\n"
            } else {
                out += "gate: \(summary.gateFailures) of \(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") failed"
                out += failing.isEmpty ? "\n" : ":\n"
                let idWidth = failing.map(\.id.count).max() ?? 0
                for line in failing {
                    let causes = line.gate?.causeClasses.map(\.label).joined(separator: ", ") ?? ""
                    out += "  \(line.id.padding(idWidth))  \(causes)\n"
                }
                if !failing.isEmpty && !context.verbose { out += "  (`arbiter score FILE` or --verbose gives each reason)\n" }
            }
            // Passing is not the same as knowing everything: say how many unknowns remain.
            let warned = summary.lines.filter { !($0.gate?.warnings.isEmpty ?? true) }
            if !warned.isEmpty {
                let count = warned.reduce(0) { $0 + ($1.gate?.warnings.count ?? 0) }
                out += wrap("gate warnings: \(count) unknown rule\(count == 1 ? "" : "s") in \(warned.count) project\(warned.count == 1 ? "" : "s") "
                            + "could still change a verdict" + (context.verbose ? "" : " (--verbose lists them)"), indent: "", width: context.width)
            }
        }
        if !context.verbose && !context.quiet && summary.projectCount > 0 && batch {
            out += "each project in full: --verbose, or `arbiter score FILE`\n"
        }
        return out
    }

    private func truncate(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(1, width - 1))) + "…"
    }

    private func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Greedy word wrap with a hanging indent.
    /// Breaks `text` at spaces into lines of at most `width` columns (counted in Unicode
    /// scalars), continuing two columns further in. Works on UTF-8 and keeps a running
    /// column: counting characters of the growing line for every word was the slowest
    /// part of printing a report. A word longer than a line gets a line of its own.
    func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        // Built as bytes: appending word by word to a string was a tenth of `score`.
        let indentWidth = indent.unicodeScalars.count
        let indentBytes = Array(indent.utf8)
        var out = indentBytes
        out.reserveCapacity(text.utf8.count + 2 * indentBytes.count + 8)
        var column = indentWidth
        var lineHasWord = false
        var inEscape = false
        for word in text.utf8.split(separator: UInt8(ascii: " ")) {
            // ANSI colour sequences take no columns.
            var wordWidth = 0
            for byte in word {
                if byte == 0x1B { inEscape = true; continue }
                if inEscape { if byte == UInt8(ascii: "m") { inEscape = false }; continue }
                if byte & 0xC0 != 0x80 { wordWidth += 1 }
            }
            if lineHasWord && column + 1 + wordWidth > width {
                out.append(UInt8(ascii: "\n"))
                out += indentBytes
                out += [UInt8(ascii: " "), UInt8(ascii: " ")]
                column = indentWidth + 2
                lineHasWord = false
            }
            if lineHasWord {
                out.append(UInt8(ascii: " "))
                column += 1
            }
            out += word
            column += wordWidth
            lineHasWord = true
        }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// ANSI styling, applied only when the caller says the output is a colour terminal.
    struct Style {
        let colored: Bool

        func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ text: String) -> String { paint(text, "1") }
        func red(_ text: String) -> String { paint(text, "31") }
        func green(_ text: String) -> String { paint(text, "32") }
        /// Unknown findings: faint, so they never read as fired ones.
        func dim(_ text: String) -> String { paint(text, "2") }
        func waived(_ text: String) -> String { paint(text, "36") }
        func advisory(_ text: String) -> String { paint(text, "33") }

        func band(_ band: Band) -> String { bandText(band.rawValue.uppercased(), band) }

        // Switches rather than dictionary literals: the first dictionary keyed by a type
        // makes the runtime search every loaded library for its Hashable conformance,
        // some 370,000 instructions each (callgrind) on `score`'s start-up.
        func bandText(_ text: String, _ band: Band) -> String {
            let code = switch band {
            case .low: "32"
            case .moderate: "33"
            case .high: "31"
            case .critical: "1;31"
            }
            return paint(text, code)
        }

        func severity(_ severity: Severity) -> String {
            let code = switch severity {
            case .info: "36"
            case .low: "32"
            case .medium: "33"
            case .high: "31"
            case .critical: "1;31"
            }
            return paint("[\(severity.rawValue)]", code)
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
