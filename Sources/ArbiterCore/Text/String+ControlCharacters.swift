extension String {
    /// The text with every control character written as an escape: `\n`, `\r` and `\t`,
    /// `\u{1B}` for the others. For text from a dossier, a pack or a file name on its way
    /// to a terminal or a Markdown page, where an escape written in YAML (`"\e[2J"`) would
    /// clear the screen, a carriage return overwrite a line and a line break start one
    /// that reads as the report's own. Besides C0, DEL and C1, the line and paragraph
    /// separators and the bidirectional overrides are shown, as they move text too.
    public var showingControlCharacters: String {
        // Nearly all text has none: one pass over the bytes, and no copy.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        var shown = ""
        shown.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            if let escape = Self.escape(for: scalar) { shown += escape } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    /// How `scalar` is shown, or nil when it is shown as itself.
    static func escape(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            "\\u{" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: nil
        }
    }
}
