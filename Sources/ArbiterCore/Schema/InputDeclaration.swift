/// One fact a pack reads: its dotted path, type, bounds and documentation, and where
/// the pack declared it.
package struct InputDeclaration: Hashable, Sendable {
    package var path: String
    package var type: InputType
    package var minimum: Double?
    package var maximum: Double?
    package var unit: String?
    package var doc: String
    package var pack: String
    package var file: String
    package var range: SourceRange
    /// For an adverse event that cannot be proved absent (`searchable:`), how many days
    /// a dossier's search that found none stands for `false`; nil when not searchable.
    package var searchValidity: Int?

    package init(path: String, type: InputType, minimum: Double? = nil, maximum: Double? = nil,
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
        type == other.type && minimum == other.minimum && maximum == other.maximum && searchValidity == other.searchValidity
    }
}
