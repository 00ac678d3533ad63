/// A rule pack as read from its file: metadata, declared inputs and rule definitions.
package struct PackDefinition: Sendable {
    package var file: String
    package var id: String
    package var version: String
    package var title: String
    package var description: String
    /// The shared vocabulary the pack reads (`vocabulary: dossier@1`), if any.
    package var vocabulary: VocabularyReference?
    package var bands: BandThresholds
    /// The most points a category can add (`caps:`); a category without one is unbounded.
    package var caps: [String: Double] = [:]
    /// Fired rules that decide a band whatever the score (`floors:`).
    package var floors: [BandFloor] = []
    /// Below this completeness the pack's verdict is insufficient-data (`minimum_completeness:`).
    package var minimumCompleteness: Double?
    package var references: [String: Reference]
    package var inputs: [InputDeclaration]
    package var rules: [RuleDefinition]
    /// The pack file's text, used to place errors inside multi-line expressions.
    package var source: SourceText?

    package struct VocabularyReference: Sendable {
        package var id: String
        package var major: Int
        package var range: SourceRange

        package var text: String { VocabularyDefinition.name(id: id, major: major) }
    }
}
