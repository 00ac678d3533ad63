/// A document a rule rests on: a law, a framework, a study.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var title: String
    /// The official text or the original publication.
    public var url: String
    /// A copy or translation for readers, beside the original (`mirror:`).
    public var mirror: String?

    public init(id: String, title: String, url: String, mirror: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.mirror = mirror
    }
}
