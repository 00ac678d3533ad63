/// A shared dossier vocabulary as read from its file (`Rules/vocabulary.yaml`): every
/// fact a dossier may hold, declared once, so packs read it without repeating it.
package struct VocabularyDefinition: Sendable {
    package var file: String
    package var id: String
    package var version: String
    package var title: String
    package var inputs: [InputDeclaration]

    /// The name packs give it, `dossier@1`: its id and major version, as
    /// `PackDefinition.VocabularyReference.text` writes it.
    package var owner: String { Self.name(id: id, major: Self.major(of: version) ?? 0) }

    package static func name(id: String, major: Int) -> String { "\(id)@\(major)" }

    /// The first number of a version such as 1.1.0, or nil when it does not start with one.
    package static func major(of version: String) -> Int? { version.split(separator: ".").first.flatMap { Int($0) } }

    /// True when the document is a vocabulary rather than a pack: it names a
    /// `vocabulary` and no `pack`.
    package static func isVocabulary(_ document: Document) -> Bool {
        document.root["pack"] == nil && document.root["vocabulary"] != nil
    }
}
