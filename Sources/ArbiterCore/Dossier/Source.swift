/// A document an analyst relies on, listed once in a dossier and cited by id.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var url: String?
    public var date: String?
    public var publisher: String?

    public init(id: String, title: String? = nil, url: String? = nil, date: String? = nil, publisher: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.date = date
        self.publisher = publisher
    }
}
