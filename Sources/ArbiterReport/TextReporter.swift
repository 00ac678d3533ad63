import ArbiterCore

/// The report for people at a terminal: per project and pack the score, range, band
/// and completeness, then findings by severity with their evidence, sources and
/// mitigations, the facts still to collect, and waivers. Fits 80 columns.
public struct TextReporter: Reporter {
    public init() {}

    public var separator: String { "\n" + String(repeating: "=", count: 78) + "\n\n" }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        var out = ""
        let style = Style(colored: context.colored)
        out += style.bold("\(project.name) (\(project.id))") + "\n"
        out += "\(project.file)\(project.country.map { "  ·  country \($0)" } ?? "")\n"
        out += "overall: \(style.band(project.band)) · score \(project.score.scoreText)"
        out += project.worst > project.score ? " (up to \(project.worst.scoreText), \(project.worstBand.rawValue))\n" : "\n"
        if let gate = project.gate {
            out += "gate: " + (gate.passed ? style.green("passed") : style.red("FAILED")) + "\n"
            for reason in gate.reasons { out += "  - \(reason)\n" }
        }
        if let whatIf = project.whatIf {
            out += wrap("what-if: " + whatIf.options, indent: "")
            for before in whatIf.before {
                guard let after = project.packs.first(where: { $0.pack == before.pack }) else { continue }
                out += "  \(before.pack): score \(before.score.scoreText) \(before.band.rawValue) (worst \(before.worstBand.rawValue))"
                out += " -> \(after.score.scoreText) \(after.band.rawValue) (worst \(after.worstBand.rawValue))\n"
            }
        }
        for pack in project.packs { out += render(pack, of: project, style: style) }
        return out
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        var out = ""
        if summary.projectCount > 1 || !summary.errors.isEmpty {
            out += "\n" + String(repeating: "=", count: 78) + "\n"
            let bands = Band.allCases.reversed().map { "\($0.rawValue) \(summary.bandCounts[$0, default: 0])" }.joined(separator: ", ")
            out += "\(summary.projectCount) project\(summary.projectCount == 1 ? "" : "s") scored: \(bands)\n"
            let errors = summary.errors.filter { $0.severity == .error }
            if !errors.isEmpty {
                let files = Set(errors.map(\.file)).count
                out += "\(files) file\(files == 1 ? "" : "s") could not be scored (\(errors.count) error\(errors.count == 1 ? "" : "s"); see the messages above)\n"
            }
            if context.gated { out += "gate: \(summary.gateFailures) project\(summary.gateFailures == 1 ? "" : "s") failed\n" }
        }
        if !summary.waivers.isEmpty {
            out += "\nwaivers:\n"
            for outcome in summary.waivers {
                let waiver = outcome.waiver
                out += "  \(outcome.state.rawValue.padding(7)) \(waiver.rule) for \(waiver.project) until \(waiver.expires)"
                out += outcome.state == .applied ? " (\(outcome.matched) finding\(outcome.matched == 1 ? "" : "s"))\n" : "\n"
                if outcome.state == .stale { out += "          matches no finding any more; remove it\n" }
                if outcome.state == .expired { out += "          expired; renew it with a new review or fix the finding\n" }
            }
        }
        return out
    }

    private func render(_ pack: PackResult, of project: ProjectResult, style: Style) -> String {
        var out = "\n" + style.bold("\(pack.pack) \(pack.version)") + " — \(pack.title)\n"
        let range = pack.worst > pack.score ? "range \(pack.score.scoreText)–\(pack.worst.scoreText)" : "no unknowns"
        out += "  score \(pack.score.scoreText) (\(range))  band \(style.band(pack.band))"
        out += pack.worstBand != pack.band ? " (worst \(pack.worstBand.rawValue))" : ""
        out += "  completeness \(Int((pack.completeness * 100).rounded()))%\n"
        for note in pack.verdictNotes { out += wrap(note, indent: "  ") }
        let categories = pack.categories.filter { $0.worst > 0 }.map { "\($0.category) \($0.score.scoreText)" }
        if !categories.isEmpty { out += wrap("categories: " + categories.joined(separator: ", "), indent: "  ") }

        let findings = pack.reportedFindings
        let groups: [(String, [Finding])] = [
            ("fired", findings.filter { $0.status == .fired }),
            ("unknown — facts to collect", findings.filter { $0.status == .unknown }),
            ("waived", findings.filter { $0.status == .waived }),
        ]
        for (title, group) in groups where !group.isEmpty {
            out += "\n  " + style.bold(title.uppercased()) + "\n"
            for finding in group { out += render(finding, of: project, style: style) }
        }
        return out
    }

    private func render(_ finding: Finding, of project: ProjectResult, style: Style) -> String {
        let amount: String
        switch finding.status {
        case .fired: amount = "+\(finding.contribution.scoreText)" + (finding.maxContribution > finding.contribution ? " (up to +\(finding.maxContribution.scoreText))" : "")
        case .unknown: amount = "up to +\(finding.maxContribution.scoreText)"
        default: amount = "+\(finding.contribution.scoreText) (waived)"
        }
        var out = "  " + style.severity(finding.severity) + " \(finding.rule) \(finding.title)  \(amount)"
        out += finding.advisory ? "  [advisory]\n" : "\n"
        if finding.status != .unknown || finding.fault != nil {
            out += wrap(finding.message, indent: "      ")
        }
        // An unknown finding is about what is missing; its guard facts would only add noise.
        for evidence in finding.evidence where finding.outcome != .unknown {
            let place = evidence.range.start.line == 0 ? "what-if" : "\(project.file):\(evidence.range.start.line)"
            var line = "evidence: \(evidence.path) = \(evidence.value.displayText) (\(place))"
            if !evidence.sources.isEmpty { line += " sources: " + evidence.sources.joined(separator: ", ") }
            out += wrap(line, indent: "      ")
        }
        if !finding.missing.isEmpty { out += wrap("missing: " + finding.missing.joined(separator: ", "), indent: "      ") }
        if let fault = finding.fault { out += wrap("fault: \(fault)", indent: "      ") }
        if finding.status != .unknown {
            for reference in finding.references { out += wrap("see: \(reference.title) <\(reference.url)>", indent: "      ") }
            for mitigation in finding.mitigations { out += wrap("mitigate: \(mitigation)", indent: "      ") }
        }
        if let waiver = finding.waiver {
            let line = waiver.state == .applied
                ? "waived until \(waiver.expires) by \(waiver.approvedBy): \(waiver.reason)"
                : "waiver EXPIRED on \(waiver.expires), not applied (\(waiver.approvedBy): \(waiver.reason))"
            out += wrap(line, indent: "      ")
        }
        return out
    }

    /// Greedy word wrap to 80 columns with a hanging indent.
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
        for word in text.utf8.split(separator: UInt8(ascii: " ")) {
            let wordWidth = word.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
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

        // Switches rather than dictionary literals: the first dictionary keyed by a type
        // makes the runtime search every loaded library for its Hashable conformance,
        // some 370,000 instructions each (callgrind) on `score`'s start-up.
        func band(_ band: Band) -> String {
            let code = switch band {
            case .low: "32"
            case .moderate: "33"
            case .high: "31"
            case .critical: "1;31"
            }
            return paint(band.rawValue.uppercased(), code)
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
}
