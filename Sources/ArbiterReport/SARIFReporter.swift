import ArbiterCore

/// SARIF 2.1.0 for code-scanning tools: the rules in `tool.driver.rules` with help and
/// references, and one result per fired finding at the dossier line of its main
/// evidence, with a stable fingerprint.
public struct SARIFReporter: Reporter {
    /// Each rule id's position in `tool.driver.rules` (a result's `ruleIndex`), built
    /// by `prepared(for:)` rather than for every project.
    let ruleIndex: [String: Int]

    public init() {
        ruleIndex = [:]
    }

    private init(ruleIndex: [String: Int]) {
        self.ruleIndex = ruleIndex
    }

    public func prepared(for context: ReportContext) -> any Reporter {
        SARIFReporter(ruleIndex: Dictionary(context.rules.enumerated().map { ($0.element.id, $0.offset) },
                                            uniquingKeysWith: { first, _ in first }))
    }

    public func begin(_ context: ReportContext) -> String {
        var json = JSONWriter()
        json.open()
        json.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.string("version", "2.1.0")
        json.open("runs", array: true)
        json.open()
        json.open("tool")
        json.open("driver")
        json.string("name", "arbiter")
        json.string("version", context.toolVersion)
        json.string("informationUri", "https://github.com/arbiter-policy/arbiter")
        json.open("rules", array: true)
        for rule in context.rules { write(rule, into: &json) }
        json.close(array: true)
        json.close()
        json.close()
        if let configuration = context.configuration {
            json.open("properties")
            json.string("configuration", configuration)
            json.close()
        }
        // Leave run and results open: each project adds its results.
        return json.text + ",\n      \"results\": ["
    }

    public var separator: String { "," }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        var chunks: [String] = []
        for pack in project.packs {
            for finding in pack.reportedFindings(context.listing) where finding.status == .fired || finding.status == .waived {
                var json = JSONWriter(baseDepth: 4)
                json.open()
                json.string("ruleId", finding.rule)
                if let index = ruleIndex[finding.rule] { json.int("ruleIndex", index) }
                json.string("level", Self.level(finding.severity, advisory: finding.advisory))
                json.open("message")
                json.string("text", "\(project.name): \(finding.message)")
                json.close()
                Self.writeLocations(file: project.file, at: finding.primaryEvidence?.range.start ?? .start, into: &json)
                json.open("partialFingerprints")
                json.string("arbiterFinding/v1", Fingerprint.of(project.id, pack.pack, finding.rule))
                json.close()
                if finding.status == .waived, let waiver = finding.waiver {
                    json.open("suppressions", array: true)
                    json.open()
                    json.string("kind", "external")
                    json.string("justification", "\(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))")
                    json.close()
                    json.close(array: true)
                }
                json.open("properties")
                json.string("project", project.id)
                json.string("pack", pack.pack)
                json.string("verdict", pack.verdict)
                json.string("severity", finding.severity.rawValue)
                json.number("contribution", finding.contribution)
                json.bool("advisory", finding.advisory)
                json.close()
                json.close()
                chunks.append(json.text)
            }
        }
        // The decisive gate's warnings: unknown rules that did not fail the project, as
        // notes at the top of its dossier, so a reviewer sees what is still to collect.
        for warning in project.gate?.warnings ?? [] {
            var json = JSONWriter(baseDepth: 4)
            json.open()
            json.string("ruleId", warning.rule)
            if let index = ruleIndex[warning.rule] { json.int("ruleIndex", index) }
            json.string("level", "note")
            json.open("message")
            json.string("text", "\(project.name): \(warning.text)")
            json.close()
            Self.writeLocations(file: project.file, at: .start, into: &json)
            json.open("partialFingerprints")
            json.string("arbiterFinding/v1", Fingerprint.of(project.id, warning.pack, warning.rule))
            json.close()
            json.open("properties")
            json.string("project", project.id)
            json.string("pack", warning.pack)
            json.string("status", "unknown")
            json.close()
            json.close()
            chunks.append(json.text)
        }
        guard !chunks.isEmpty else { return "" }
        return chunks.map { "\n        " + $0 }.joined(separator: ",")
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        var json = JSONWriter(baseDepth: 2)
        json.open()
        json.open("invocations", array: true)
        json.open()
        json.bool("executionSuccessful", summary.errors.allSatisfy { $0.severity != .error })
        json.open("toolExecutionNotifications", array: true)
        for error in summary.errors where error.severity == .error {
            json.open()
            json.string("level", "error")
            json.open("message")
            json.string("text", error.message)
            json.close()
            json.open("descriptor")
            json.string("id", error.code)
            json.close()
            Self.writeLocations(file: error.file, at: error.range.start, into: &json)
            json.close()
        }
        json.close(array: true)
        json.close()
        json.close(array: true)
        json.close()
        // The writer's keys without its own braces: they continue the run object.
        let invocations = String(json.text.dropFirst().dropLast(6))
        return "\n      ],\(invocations)\n    }\n  ]\n}\n"
    }

    private func write(_ rule: CompiledRule, into json: inout JSONWriter) {
        json.open()
        json.string("id", rule.id)
        json.string("name", Self.pascalCase(rule.title))
        json.open("shortDescription")
        json.string("text", rule.title)
        json.close()
        json.open("fullDescription")
        json.string("text", rule.rationale)
        json.close()
        var help = rule.rationale
        if !rule.mitigations.isEmpty { help += "\n\nMitigations:\n" + rule.mitigations.map { "- \($0)" }.joined(separator: "\n") }
        help += "\n\nReferences:\n" + rule.references.map { "- \($0.title): \($0.url)" }.joined(separator: "\n")
        json.open("help")
        json.string("text", help)
        json.string("markdown", help.replacing("- ", with: "* "))
        json.close()
        if let first = rule.references.first { json.string("helpUri", first.url) }
        json.open("defaultConfiguration")
        json.string("level", Self.level(rule.severity, advisory: false))
        json.close()
        json.open("properties")
        json.strings("tags", [rule.pack, rule.category])
        json.string("severity", rule.severity.rawValue)
        json.number("weight", rule.weight)
        json.close()
        json.close()
    }

    /// A `locations` array with one physical location: a file and a line and column.
    private static func writeLocations(file: String, at position: SourcePosition, into json: inout JSONWriter) {
        json.open("locations", array: true)
        json.open()
        json.open("physicalLocation")
        json.open("artifactLocation")
        json.string("uri", file)
        json.close()
        json.open("region")
        // SARIF lines start at 1; evidence from a what-if override has none in the file.
        json.int("startLine", max(position.line, 1))
        json.int("startColumn", max(position.column, 1))
        json.close()
        json.close()
        json.close()
        json.close(array: true)
    }

    static func level(_ severity: Severity, advisory: Bool) -> String {
        if advisory { return "note" }
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    static func pascalCase(_ title: String) -> String {
        title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
