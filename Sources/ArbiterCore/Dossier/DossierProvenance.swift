/// Whether each known fact of a dossier cites a source: the tool's promise is that every
/// verdict can be traced to the documents behind it.
package struct DossierProvenance: Sendable, Equatable {
    package var facts: Int
    package var cited: Int
    /// One warning per fact without a citation, at the fact.
    package var warnings: [Diagnostic]

    package init(_ dossier: Dossier, schema: InputSchema) {
        var facts = 0, cited = 0
        var warnings: [Diagnostic] = []
        // The reserved `country` names the project, like its id; it is not a finding.
        for slot in 0..<schema.count where schema.declarations[slot].pack != InputSchema.builtInPack {
            guard let fact = dossier.fact(atSlot: slot) else { continue }
            facts += 1
            if dossier.sources(citedForSlot: slot).isEmpty {
                let path = schema.declarations[slot].path
                warnings.append(Diagnostic(.warning, code: "dossier.uncited-fact", message: "'\(path)' cites no source",
                                           file: dossier.file, range: fact.range,
                                           notes: [.hint("add it under 'citations:' with the id of a source listed in 'sources:'")]))
            } else {
                cited += 1
            }
        }
        self.facts = facts
        self.cited = cited
        self.warnings = warnings
    }
}
