/// A rule's `when:` as written: one expression, or `all:` / `any:` / `not:` over
/// conditions. Each expression keeps its YAML node for error positions.
package indirect enum ConditionSource: Sendable {
    case expression(String, Node)
    case all([ConditionSource], Node)
    case any([ConditionSource], Node)
    case not(ConditionSource, Node)
}
