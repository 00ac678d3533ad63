import ArbiterCore

/// The one JSON shape of a diagnostic, for the errors of a JSON report and the bodies of
/// the service's refusals alike: where (1-based line and column, and where it ends), how
/// bad, which check, what, what to do (`hints`), and the other places it points at
/// (`notes`).
public enum DiagnosticJSON {
    static func write(_ diagnostic: Diagnostic, into json: inout JSONWriter) {
        json.open()
        json.string("file", diagnostic.file)
        json.int("line", diagnostic.range.start.line)
        json.int("column", diagnostic.range.start.column)
        json.int("end_line", diagnostic.range.end.line)
        json.int("end_column", diagnostic.range.end.column)
        json.string("severity", diagnostic.severity.rawValue)
        json.string("code", diagnostic.code)
        json.string("message", diagnostic.message)
        json.strings("hints", diagnostic.notes.filter { $0.range == nil }.map(\.message))
        json.open("notes", array: true)
        for note in diagnostic.notes {
            guard let range = note.range else { continue }
            json.open()
            json.string("message", note.message)
            json.string("file", note.file ?? diagnostic.file)
            json.int("line", range.start.line)
            json.int("column", range.start.column)
            json.close()
        }
        json.close(array: true)
        json.close()
    }

    /// A refusal's body: `{"error": {"status", "message", "hints", "diagnostics"}}`.
    public static func errorDocument(status: Int, message: String, hints: [String], diagnostics: [Diagnostic]) -> String {
        var json = JSONWriter()
        json.open()
        json.open("error")
        json.int("status", status)
        json.string("message", message)
        json.strings("hints", hints)
        json.open("diagnostics", array: true)
        for diagnostic in diagnostics { write(diagnostic, into: &json) }
        json.close(array: true)
        json.close()
        json.close()
        return json.text + "\n"
    }
}
