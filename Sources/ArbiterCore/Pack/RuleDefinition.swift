/// A rule as read from a pack file, before its expressions are checked against the
/// schema of every loaded pack.
public struct RuleDefinition: Sendable {
    public struct ScaleSource: Sendable {
        public var by: String
        public var byNode: Node
        public var from: Double
        public var to: Double
    }

    public var id: String
    public var title: String
    public var category: String
    public var severity: Severity
    public var weight: Double
    public var when: ConditionSource?
    /// `applies:` — the relevance guard: where it is false the rule is not applicable.
    public var applies: ConditionSource?
    public var scale: ScaleSource?
    public var message: String
    public var messageNode: Node?
    public var rationale: String
    public var references: [(id: String, range: SourceRange)]
    public var mitigations: [String]
    /// The `set:` mapping of each mitigation that has one, by its position in `mitigations`.
    public var mitigationChanges: [Int: Node] = [:]
    public var enforceFrom: CivilDate?
    public var fires: [Node]
    public var passes: [Node]
    public var range: SourceRange
    public var idRange: SourceRange
}
