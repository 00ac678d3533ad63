/// A fact a finding read: its path, value, where the dossier states it, and the
/// sources the analyst cited for it.
public struct Evidence: Hashable, Sendable {
    public var path: String
    public var value: Value
    public var range: SourceRange
    public var sources: [String]

    public init(path: String, value: Value, range: SourceRange, sources: [String]) {
        self.path = path
        self.value = value
        self.range = range
        self.sources = sources
    }
}
