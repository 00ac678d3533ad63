/// Renders diagnostics the way a compiler does: a location line, the quoted source
/// line with a caret under the range, then notes and hints.
///
/// The renderer is pure: the caller supplies source texts and decides about colour.
public struct DiagnosticRenderer: Sendable {
    public var colored: Bool
    private var sources: [String: SourceText]

    public init(colored: Bool = false, sources: [SourceText] = []) {
        self.colored = colored
        self.sources = Dictionary(sources.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func add(_ source: SourceText) {
        sources[source.file] = source
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let start = diagnostic.range.start
        let label = paint(diagnostic.severity.rawValue + ":", color(for: diagnostic.severity))
        // A problem with no file (no packs found, say) has no place to point at.
        let position = diagnostic.hasPosition ? "\(start.line):\(start.column):" : ""
        let location = diagnostic.file.isEmpty ? "" : paint("\(diagnostic.file):\(position)", "1") + " "
        out += location + "\(label) " + paint(diagnostic.message, "1") + " [\(diagnostic.code)]\n"
        if diagnostic.hasPosition { out += excerpt(file: diagnostic.file, range: diagnostic.range) }
        for note in diagnostic.notes {
            if let range = note.range {
                let file = note.file ?? diagnostic.file
                out += "\(file):\(range.start.line):\(range.start.column): \(paint("note:", "36")) \(note.message)\n"
                out += excerpt(file: file, range: range)
            } else {
                out += "   = \(paint("hint:", "36")) \(note.message)\n"
            }
        }
        return out
    }

    private func excerpt(file: String, range: SourceRange) -> String {
        guard let line = sources[file]?.line(range.start.line) else { return "" }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4))
        let padded = String(repeating: " ", count: gutter.count - number.count) + number
        let scalars = Array(line.unicodeScalars)
        // Tabs are kept in the caret line so the caret lines up under tabbed source.
        let lead = scalars.prefix(max(range.start.column - 1, 0)).map { $0 == "\t" ? "\t" : " " }.joined()
        let width: Int
        if range.end.line == range.start.line {
            width = max(1, min(range.end.column, scalars.count + 1) - range.start.column)
        } else {
            width = max(1, scalars.count + 1 - range.start.column)
        }
        let marker = "^" + String(repeating: "~", count: width - 1)
        return "\(padded) | \(line)\n\(gutter) | \(lead)\(paint(marker, "32"))\n"
    }

    private func color(for severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
