import ArbiterCore
import Foundation

/// Prints diagnostics to standard error the way a compiler does, coloured on a terminal.
enum Console {
    static func print(_ diagnostics: [Diagnostic], sources: [SourceText]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(colored: Terminal.wantsColor(STDERR_FILENO), sources: sources)
        Terminal.writeError(renderer.render(diagnostics.sortedByLocation()))
    }

    static func render(_ diagnostics: [Diagnostic], source: SourceText?, colored: Bool) -> String {
        DiagnosticRenderer(colored: colored, sources: source.map { [$0] } ?? []).render(diagnostics.sortedByLocation())
    }
}
