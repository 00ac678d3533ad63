/// A loaded YAML file: its root node and the file name diagnostics should carry.
public struct Document: Sendable {
    public var file: String
    public var root: Node

    public init(file: String, root: Node) {
        self.file = file
        self.root = root
    }
}
