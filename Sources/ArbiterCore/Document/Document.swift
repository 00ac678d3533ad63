/// A loaded YAML file: its root node and the file name diagnostics should carry.
package struct Document: Sendable {
    package var file: String
    package var root: Node

    package init(file: String, root: Node) {
        self.file = file
        self.root = root
    }
}
