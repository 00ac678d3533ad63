/// A fact a finding read: its path, value, where the dossier states it, and the
/// sources the analyst cited for it.
public struct Evidence: Hashable, Sendable {
    public var path: String
    public var value: Value
    public var range: SourceRange
    public var sources: [String]
    /// Set when the value is a search that found nothing, not a recorded fact.
    public var search: Search?

    public init(path: String, value: Value, range: SourceRange, sources: [String], search: Search? = nil) {
        self.path = path
        self.value = value
        self.range = range
        self.sources = sources
        self.search = search
    }
}
