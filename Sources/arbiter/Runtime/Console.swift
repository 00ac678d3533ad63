import ArbiterCore
import ArbiterEngine
import Foundation

/// Prints diagnostics to standard error the way a compiler does, coloured on a terminal.
enum Console {
    static func print(_ diagnostics: [Diagnostic], sources: [SourceText]) {
        print(Diagnostics(diagnostics, sources: sources))
    }

    static func print(_ problems: Diagnostics) {
        guard !problems.diagnostics.isEmpty else { return }
        Terminal.writeError(problems.rendered(colored: Terminal.wantsColor(STDERR_FILENO)))
    }

    static func render(_ diagnostics: [Diagnostic], source: SourceText?, colored: Bool) -> String {
        DiagnosticRenderer(colored: colored, sources: source.map { [$0] } ?? []).render(diagnostics.sortedByLocation())
    }
}
