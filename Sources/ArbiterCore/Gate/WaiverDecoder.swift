/// Reads a waivers file (`waivers: [{project, rule, reason, approved_by, expires}]`),
/// reporting every problem at its position.
package struct WaiverDecoder: Sendable {
    package init() {}

    /// `knownRules`, when given, turns a waiver for a rule no pack defines into an error.
    package func decode(_ document: Document, knownRules: Set<String>? = nil) -> Result<[Waiver], DiagnosticError> {
        var problems = DiagnosticCollector(file: document.file, domain: "waiver")
        guard var reader = FieldReader(document.root, context: "a waivers file", into: &problems) else {
            return .failure(DiagnosticError(problems.diagnostics))
        }
        let items = reader.list("waivers", into: &problems)
        reader.reportLeftovers(into: &problems)
        var waivers: [Waiver] = []
        for item in items ?? [] {
            if let waiver = decodeWaiver(item, knownRules: knownRules, into: &problems) { waivers.append(waiver) }
        }
        if problems.hasErrors { return .failure(DiagnosticError(problems.diagnostics)) }
        return .success(waivers)
    }

    private func decodeWaiver(_ node: Node, knownRules: Set<String>?, into problems: inout DiagnosticCollector) -> Waiver? {
        guard var reader = FieldReader(node, context: "a waiver", into: &problems) else { return nil }
        let project = reader.string("project", required: true, into: &problems)
        let ruleNode = reader.take("rule")
        let rule = reader.string("rule", required: true, into: &problems)
        let reason = reader.string("reason", required: true, into: &problems)
        let approvedBy = reader.string("approved_by", required: true, into: &problems)
        var expires: CivilDate?
        if let dateNode = reader.take("expires") {
            if case .string(let text) = dateNode.value, let date = CivilDate(text) { expires = date } else {
                problems.error("invalid-date", "'expires' must be a date (YYYY-MM-DD)", at: dateNode.range)
            }
        } else {
            problems.error("missing-field", "a waiver is missing the required field 'expires'", at: node.range,
                           notes: [.hint("every waiver needs an end date, so exceptions are reviewed")])
        }
        reader.reportLeftovers(into: &problems)
        if let rule, let knownRules, !knownRules.contains(rule), let ruleNode {
            problems.error("unknown-rule", "no loaded pack defines rule '\(rule)'", at: ruleNode.range,
                           notes: Spelling.hint(for: rule, among: knownRules.sorted()))
        }
        guard let project, let rule, let reason, let approvedBy, let expires else { return nil }
        return Waiver(project: project, rule: rule, reason: reason, approvedBy: approvedBy, expires: expires,
                      file: problems.file, range: node.range)
    }
}
