/// One fact a pack reads: its dotted path, type, bounds and documentation, and where
/// the pack declared it.
public struct InputDeclaration: Hashable, Sendable {
    public var path: String
    public var type: InputType
    public var minimum: Double?
    public var maximum: Double?
    public var unit: String?
    public var doc: String
    public var pack: String
    public var file: String
    public var range: SourceRange

    public init(path: String, type: InputType, minimum: Double? = nil, maximum: Double? = nil,
                unit: String? = nil, doc: String, pack: String, file: String, range: SourceRange) {
        self.path = path
        self.type = type
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
        self.doc = doc
        self.pack = pack
        self.file = file
        self.range = range
    }

    /// True when two packs declare the same fact in a compatible way.
    func agrees(with other: InputDeclaration) -> Bool {
        type == other.type && minimum == other.minimum && maximum == other.maximum
    }
}
