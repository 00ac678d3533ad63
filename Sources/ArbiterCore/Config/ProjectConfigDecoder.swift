/// Reads `.arbiter.yaml` field by field, reporting every problem at its position.
package struct ProjectConfigDecoder: Sendable {
    package init() {}

    package func decode(_ document: Document) -> Result<ProjectConfig, DiagnosticError> {
        var problems = DiagnosticCollector(file: document.file, domain: "config")
        var config = ProjectConfig()
        if document.root.isNull { return .success(config) }
        guard var reader = FieldReader(document.root, context: "the configuration", into: &problems) else {
            return .failure(DiagnosticError(problems.diagnostics))
        }
        if let node = reader.take("rules"), case .string(let single) = node.value {
            config.rules = [single]
        } else {
            config.rules = reader.stringList("rules", into: &problems).map(\.0)
        }
        config.waivers = reader.string("waivers", into: &problems)
        config.include = reader.stringList("include", into: &problems).map { GlobPattern($0.0) }
        config.exclude = reader.stringList("exclude", into: &problems).map { GlobPattern($0.0) }
        if let gateNode = reader.take("gate"), var gate = FieldReader(gateNode, context: "'gate'", into: &problems) {
            if let text = gate.string("fail_on", into: &problems) {
                config.failOn = Band(rawValue: text)
                if config.failOn == nil {
                    problems.error("invalid-value", "unknown band '\(text)'", at: gateNode["fail_on"]!.range,
                                   notes: [.hint("bands: " + Band.allCases.map(\.rawValue).joined(separator: ", "))])
                }
            }
            if let threshold = severityThreshold("fail_on_severity", in: &gate, node: gateNode, into: &problems) {
                config.failOnSeverity = threshold
            }
            if let text = gate.string("unknown", into: &problems) {
                config.unknown = GatePolicy.UnknownTreatment(rawValue: text)
                if config.unknown == nil {
                    problems.error("invalid-value", "'unknown' must be decisive, worst or best", at: gateNode["unknown"]!.range,
                                   notes: Spelling.hint(for: text, among: GatePolicy.UnknownTreatment.allCases.map(\.rawValue)))
                }
            }
            if let threshold = severityThreshold("fail_on_unknown", in: &gate, node: gateNode, into: &problems) {
                config.failOnUnknown = threshold
            }
            if let share = gate.number("min_completeness", into: &problems) {
                if (0...1).contains(share) { config.minCompleteness = share } else {
                    problems.error("invalid-value", "'min_completeness' must be a share between 0 and 1, such as 0.5",
                                   at: gateNode["min_completeness"]!.range)
                }
            }
            config.baseline = gate.string("baseline", into: &problems)
            gate.reportLeftovers(into: &problems)
        }
        reader.reportLeftovers(into: &problems)
        if problems.hasErrors { return .failure(DiagnosticError(problems.diagnostics)) }
        return .success(config)
    }

    /// `none` (`.some(nil)`) or a severity under `key`; nil when absent or invalid (reported).
    private func severityThreshold(_ key: String, in gate: inout FieldReader, node: Node,
                                   into problems: inout DiagnosticCollector) -> Severity?? {
        guard let text = gate.string(key, into: &problems) else { return nil }
        if text == "none" { return .some(nil) }
        if let severity = Severity(rawValue: text) { return .some(severity) }
        problems.error("invalid-value", "unknown severity '\(text)'", at: node[key]!.range,
                       notes: [.hint("severities: none, " + Severity.allCases.map(\.rawValue).joined(separator: ", "))])
        return nil
    }
}
