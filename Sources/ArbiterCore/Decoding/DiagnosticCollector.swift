/// Gathers every problem found in one file, so a decoder reports them all at once: the
/// first `limit`, then a count of the rest in one last diagnostic. Past a hundred a reader
/// learns nothing new (cel-go stops there too), and a dossier of 33,704 unknown keys had
/// printed 8.4 MB of them.
struct DiagnosticCollector {
    static let limit = 100

    let file: String
    /// Prefix of the stable codes this decoder emits (`pack`, `dossier`, `waiver`).
    let domain: String
    private var kept: [Diagnostic] = []
    private var omitted = 0
    private var omittedError = false
    /// The furthest place any problem was found: the count is put there, so that sorted by
    /// location it still comes last.
    private var furthest = SourcePosition.start

    init(file: String, domain: String) {
        self.file = file
        self.domain = domain
    }

    /// True once the limit is reached: further problems are only counted, so a caller can
    /// skip the work of explaining them (a did-you-mean lookup).
    var isFull: Bool { kept.count >= Self.limit }

    mutating func error(_ code: String, _ message: @autoclosure () -> String, at range: SourceRange,
                        notes: @autoclosure () -> [Diagnostic.Note] = []) {
        if count(.error, at: range) { kept.append(.error("\(domain).\(code)", message(), file: file, range: range, notes: notes())) }
    }

    mutating func warning(_ code: String, _ message: @autoclosure () -> String, at range: SourceRange,
                          notes: @autoclosure () -> [Diagnostic.Note] = []) {
        if count(.warning, at: range) {
            kept.append(Diagnostic(.warning, code: "\(domain).\(code)", message: message(), file: file, range: range, notes: notes()))
        }
    }

    mutating func append(contentsOf others: [Diagnostic]) {
        for other in others where count(other.severity, at: other.range) { kept.append(other) }
    }

    /// Notes a problem at `range`; true when it is to be kept, false when only counted.
    private mutating func count(_ severity: Diagnostic.Severity, at range: SourceRange) -> Bool {
        furthest = max(furthest, range.start)
        guard isFull else { return true }
        omitted += 1
        if severity == .error { omittedError = true }
        return false
    }

    /// The problems kept, then the count of those that were not.
    var diagnostics: [Diagnostic] {
        guard omitted > 0 else { return kept }
        var more = Diagnostic(omittedError ? .error : .warning, code: "\(domain).too-many-problems",
                              message: "\(omitted) more problem\(omitted == 1 ? "" : "s") in this file, not shown: only the first \(Self.limit) are",
                              file: file, range: SourceRange(at: furthest),
                              notes: [.hint("fix these and run again to see the rest")])
        more.hasPosition = false
        return kept + [more]
    }

    var hasErrors: Bool { omittedError || kept.hasErrors }
}
