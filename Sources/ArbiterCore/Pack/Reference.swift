/// A document a rule rests on: a law, a framework, a study.
public struct Reference: Hashable, Sendable {
    public var id: String
    public var title: String
    public var url: String

    public init(id: String, title: String, url: String) {
        self.id = id
        self.title = title
        self.url = url
    }
}
