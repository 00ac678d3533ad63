/// Renders diagnostics the way a compiler does: a location line, the quoted source
/// line with a caret under the range, then notes and hints.
///
/// The renderer is pure: the caller supplies source texts and decides about colour.
/// Messages, paths and quoted lines carry text from the files checked, so their control
/// characters are shown as escapes: only the renderer's own colours reach the terminal.
package struct DiagnosticRenderer: Sendable {
    package var colored: Bool
    private var sources: [String: SourceText]

    package init(colored: Bool = false, sources: [SourceText] = []) {
        self.colored = colored
        self.sources = Dictionary(sources.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package mutating func add(_ source: SourceText) {
        sources[source.file] = source
    }

    package func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    package func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let start = diagnostic.range.start
        let label = paint(diagnostic.severity.rawValue + ":", color(for: diagnostic.severity))
        // A problem with no file (no packs found, say) has no place to point at.
        let position = diagnostic.hasPosition ? "\(start.line):\(start.column):" : ""
        let location = diagnostic.file.isEmpty ? "" : paint("\(diagnostic.file.showingControlCharacters):\(position)", "1") + " "
        out += location + "\(label) " + paint(diagnostic.message.showingControlCharacters, "1") + " [\(diagnostic.code)]\n"
        if diagnostic.hasPosition { out += excerpt(file: diagnostic.file, range: diagnostic.range) }
        for note in diagnostic.notes {
            if let range = note.range {
                let file = note.file ?? diagnostic.file
                out += "\(file.showingControlCharacters):\(range.start.line):\(range.start.column): \(paint("note:", "36")) \(note.message.showingControlCharacters)\n"
                out += excerpt(file: file, range: range)
            } else {
                out += "   = \(paint("hint:", "36")) \(note.message.showingControlCharacters)\n"
            }
        }
        return out
    }

    private func excerpt(file: String, range: SourceRange) -> String {
        guard let line = sources[file]?.line(range.start.line) else { return "" }
        let number = String(range.start.line)
        let gutter = String(repeating: " ", count: max(number.count, 4))
        let padded = String(repeating: " ", count: gutter.count - number.count) + number
        // Each scalar as it is shown: a tab as itself, so the caret lines up under tabbed
        // source, and any other control character as its escape, several columns wide.
        let shown = line.unicodeScalars.map { $0 == "\t" ? "\t" : String.escape(for: $0) ?? String($0) }
        let columns = max(range.start.column - 1, 0)
        let lead = shown.prefix(columns).map { $0 == "\t" ? "\t" : String(repeating: " ", count: $0.count) }.joined()
        let end: Int
        if range.end.line == range.start.line {
            end = max(range.start.column + 1, min(range.end.column, shown.count + 1))
        } else {
            end = max(range.start.column + 1, shown.count + 1)
        }
        // Past the end of the line (a missing value at its end), a column is one space.
        let marked = (columns..<(end - 1)).reduce(0) { $0 + ($1 < shown.count ? shown[$1].count : 1) }
        let marker = "^" + String(repeating: "~", count: max(marked, 1) - 1)
        return "\(padded) | \(shown.joined())\n\(gutter) | \(lead)\(paint(marker, "32"))\n"
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
