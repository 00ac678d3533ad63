/// Gathers every problem found in one file, so a decoder reports them all at once.
struct DiagnosticCollector {
    let file: String
    /// Prefix of the stable codes this decoder emits (`pack`, `dossier`, `waiver`).
    let domain: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, domain: String) {
        self.file = file
        self.domain = domain
    }

    mutating func error(_ code: String, _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error("\(domain).\(code)", message, file: file, range: range, notes: notes))
    }

    mutating func warning(_ code: String, _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        diagnostics.append(Diagnostic(.warning, code: "\(domain).\(code)", message: message, file: file, range: range, notes: notes))
    }

    mutating func append(contentsOf others: [Diagnostic]) {
        diagnostics.append(contentsOf: others)
    }

    var hasErrors: Bool { diagnostics.hasErrors }
}
