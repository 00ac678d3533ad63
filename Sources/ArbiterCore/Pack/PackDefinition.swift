/// A rule pack as read from its file: metadata, declared inputs and rule definitions.
public struct PackDefinition: Sendable {
    public var file: String
    public var id: String
    public var version: String
    public var title: String
    public var description: String
    public var bands: BandThresholds
    public var references: [String: Reference]
    public var inputs: [InputDeclaration]
    public var rules: [RuleDefinition]
    /// The pack file's text, used to place errors inside multi-line expressions.
    public var source: SourceText?
}
