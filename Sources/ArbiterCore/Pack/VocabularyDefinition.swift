/// A shared dossier vocabulary as read from its file (`Rules/vocabulary.yaml`): every
/// fact a dossier may hold, declared once, so packs read it without repeating it.
public struct VocabularyDefinition: Sendable {
    public var file: String
    public var id: String
    public var version: String
    public var title: String
    public var inputs: [InputDeclaration]

    /// The first number of `version`: packs name the vocabulary by it (`dossier@1`).
    public var major: Int? { version.split(separator: ".").first.flatMap { Int($0) } }

    /// The owner shown for the vocabulary's declarations in schemas and conflicts.
    public var owner: String { "\(id)@\(major ?? 0)" }

    /// True when the document is a vocabulary rather than a pack: it names a
    /// `vocabulary` and no `pack`.
    public static func isVocabulary(_ document: Document) -> Bool {
        document.root["pack"] == nil && document.root["vocabulary"] != nil
    }
}
