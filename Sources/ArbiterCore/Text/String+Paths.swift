extension String {
    /// The names of a dotted fact path (`governance.dpia.performed`), split on bytes: by
    /// characters, every split ran Unicode grapheme breaking, which was most of the
    /// time spent building the schema at start-up.
    var pathNames: [String] {
        utf8.split(separator: UInt8(ascii: ".")).map { String(Substring($0)) }
    }

    /// The path up to its last dot and the name after it; an empty parent for a name at
    /// the top level.
    var parentAndName: (parent: String, name: String) {
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return ("", self) }
        return (String(self[..<dot]), String(self[utf8.index(after: dot)...]))
    }
}
