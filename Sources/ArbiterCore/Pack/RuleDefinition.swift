/// A rule as read from a pack file, before its expressions are checked against the
/// schema of every loaded pack.
package struct RuleDefinition: Sendable {
    package struct ScaleSource: Sendable {
        package var by: String
        package var byNode: Node
        package var from: Double
        package var to: Double
    }

    package var id: String
    package var title: String
    package var category: String
    package var severity: Severity
    package var weight: Double
    package var when: ConditionSource?
    /// `applies:` — the relevance guard: where it is false the rule is not applicable.
    package var applies: ConditionSource?
    package var scale: ScaleSource?
    package var message: String
    package var messageNode: Node?
    package var rationale: String
    package var references: [(id: String, range: SourceRange)]
    package var mitigations: [String]
    /// The `set:` mapping of each mitigation that has one, by its position in `mitigations`.
    package var mitigationChanges: [Int: Node] = [:]
    package var enforceFrom: CivilDate?
    package var fires: [Node]
    package var passes: [Node]
    package var range: SourceRange
    package var idRange: SourceRange
}
