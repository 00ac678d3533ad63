import ArbiterCore

/// Why a stage of the pipeline refused its input: every located diagnostic, and the
/// texts they point into, so a caller can quote the offending lines.
public struct Diagnostics: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [SourceText]

    public init(_ diagnostics: [Diagnostic], sources: [SourceText] = []) {
        self.diagnostics = diagnostics.sortedByLocation()
        self.sources = sources
    }

    public init(_ error: DiagnosticError, source: SourceText? = nil) {
        self.init(error.diagnostics, sources: source.map { [$0] } ?? [])
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics as a compiler prints them, with the quoted lines.
    public func rendered(colored: Bool = false) -> String {
        DiagnosticRenderer(colored: colored, sources: sources).render(diagnostics)
    }
}
