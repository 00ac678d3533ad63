/// A mitigation a rule proposes. With `set`, it is a lever the planner can pull: the
/// facts the project would change (a statute adopted, a contract published), each
/// checked against the dossier schema when the pack loads.
public struct Mitigation: Sendable {
    public var text: String
    /// The facts this mitigation sets, in the order the pack writes them.
    public var changes: [FactOverride]

    public init(text: String, changes: [FactOverride] = []) {
        self.text = text
        self.changes = changes
    }

    public var isLever: Bool { !changes.isEmpty }
}
