/// A known fact in a dossier: its value and where it was written.
public struct Fact: Hashable, Sendable {
    public var value: Value
    public var range: SourceRange

    public init(value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }
}
