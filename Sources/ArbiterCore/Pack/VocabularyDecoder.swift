/// Reads a vocabulary file: `vocabulary` (its id), `version`, `title`, `description`
/// and `inputs`, declared as packs declare theirs.
package struct VocabularyDecoder: Sendable {
    package init() {}

    package func decodeCollecting(_ document: Document) -> (VocabularyDefinition?, [Diagnostic]) {
        var problems = DiagnosticCollector(file: document.file, domain: "pack")
        guard var reader = FieldReader(document.root, context: "a vocabulary", into: &problems) else {
            return (nil, problems.diagnostics)
        }
        let id = reader.string("vocabulary", required: true, into: &problems)
        if let id, !PackDecoder.isIdentifier(id) {
            problems.error("invalid-id", "vocabulary id '\(id)' must be lowercase letters, digits and '-'", at: document.root["vocabulary"]!.range)
        }
        let version = reader.string("version", required: true, into: &problems) ?? ""
        let major = VocabularyDefinition.major(of: version)
        if !version.isEmpty, major == nil {
            problems.error("invalid-version", "a vocabulary version starts with its major number, such as 1.0.0", at: document.root["version"]!.range)
        }
        let title = reader.string("title", into: &problems) ?? ""
        _ = reader.string("description", into: &problems)
        let owner = VocabularyDefinition.name(id: id ?? "vocabulary", major: major ?? 0)
        let inputs = PackDecoder().inputs(reader.take("inputs"), pack: owner, into: &problems)
        if document.root["inputs"] == nil {
            problems.error("missing-field", "a vocabulary needs 'inputs'", at: SourceRange(at: document.root.range.start))
        }
        reader.reportLeftovers(into: &problems)
        guard let id else { return (nil, problems.diagnostics) }
        return (VocabularyDefinition(file: document.file, id: id, version: version, title: title, inputs: inputs), problems.diagnostics)
    }
}
