/// A mitigation a rule proposes. With `set`, it is a lever the planner can pull: the
/// facts the project would change (a statute adopted, a contract published), each
/// checked against the dossier schema when the pack loads.
package struct Mitigation: Sendable {
    package var text: String
    /// The facts this mitigation sets, in the order the pack writes them.
    package var changes: [FactOverride]

    package init(text: String, changes: [FactOverride] = []) {
        self.text = text
        self.changes = changes
    }

    package var isLever: Bool { !changes.isEmpty }
}
