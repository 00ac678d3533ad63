/// A rule pack as read from its file: metadata, declared inputs and rule definitions.
public struct PackDefinition: Sendable {
    public var file: String
    public var id: String
    public var version: String
    public var title: String
    public var description: String
    /// The shared vocabulary the pack reads (`vocabulary: dossier@1`), if any.
    public var vocabulary: VocabularyReference?
    public var bands: BandThresholds
    /// The most points a category can add (`caps:`); a category without one is unbounded.
    public var caps: [String: Double] = [:]
    /// Fired rules that decide a band whatever the score (`floors:`).
    public var floors: [BandFloor] = []
    /// Below this completeness the pack's verdict is insufficient-data (`minimum_completeness:`).
    public var minimumCompleteness: Double?
    public var references: [String: Reference]
    public var inputs: [InputDeclaration]
    public var rules: [RuleDefinition]
    /// The pack file's text, used to place errors inside multi-line expressions.
    public var source: SourceText?

    public struct VocabularyReference: Sendable {
        public var id: String
        public var major: Int
        public var range: SourceRange

        public var text: String { VocabularyDefinition.name(id: id, major: major) }
    }
}
