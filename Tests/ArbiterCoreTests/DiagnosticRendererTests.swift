import ArbiterCore
import Testing

struct DiagnosticRendererTests {
    @Test func rendersLikeACompiler() {
        let source = SourceText(file: "x.yaml", text: "id: x\nsurveillance:\n  facial_recogntion: true\n")
        let diagnostic = Diagnostic.error(
            "dossier.unknown-field", "unknown field 'facial_recogntion' in 'surveillance'", file: "x.yaml",
            range: SourceRange(start: SourcePosition(line: 3, column: 3), end: SourcePosition(line: 3, column: 20)),
            notes: [.hint("did you mean 'facial_recognition'?")])
        let text = DiagnosticRenderer(sources: [source]).render(diagnostic)
        #expect(text == """
            x.yaml:3:3: error: unknown field 'facial_recogntion' in 'surveillance' [dossier.unknown-field]
               3 |   facial_recogntion: true
                 |   ^~~~~~~~~~~~~~~~~
               = hint: did you mean 'facial_recognition'?

            """)
    }

    /// A quoted line with a control character in it (a file libyaml refuses for one) shows
    /// it as an escape, and the caret still points at what follows it.
    @Test func quotedControlCharactersAreShownAndTheCaretFollows() {
        let source = SourceText(file: "x.yaml", text: "a: \u{1B}[2J b\n")
        let diagnostic = Diagnostic.error("yaml.syntax", "found character that cannot start any token", file: "x.yaml",
                                          range: SourceRange(start: SourcePosition(line: 1, column: 4), end: SourcePosition(line: 1, column: 9)))
        let text = DiagnosticRenderer(sources: [source]).render(diagnostic)
        #expect(text.contains("   1 | a: \\u{1B}[2J b\n     |    ^~~~~~~~~~\n"), "\(text)")
    }

    @Test func locatedNotesQuoteTheirOwnLine() {
        let source = SourceText(file: "d.yaml", text: "a: 1\nb: 2\na: 3\n")
        let diagnostic = Diagnostic.error("yaml.duplicate-key", "duplicate key 'a'", file: "d.yaml",
                                          range: SourceRange(start: SourcePosition(line: 3, column: 1), end: SourcePosition(line: 3, column: 2)),
                                          notes: [.init("first defined here", file: "d.yaml", range: SourceRange(at: .start))])
        let text = DiagnosticRenderer(sources: [source]).render(diagnostic)
        #expect(text.contains("d.yaml:1:1: note: first defined here\n   1 | a: 1\n     | ^\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic.error("c", "m", file: "f", range: .fileStart)
        #expect(!DiagnosticRenderer(colored: false).render(diagnostic).contains("\u{1B}["))
        #expect(DiagnosticRenderer(colored: true).render(diagnostic).contains("\u{1B}[31m"))
    }

    @Test func diagnosticsSortByFileThenPosition() {
        let make = { (file: String, line: Int) in Diagnostic.error("c", "m", file: file, range: SourceRange(at: SourcePosition(line: line, column: 1))) }
        let sorted = [make("b", 1), make("a", 9), make("a", 2)].sortedByLocation()
        #expect(sorted.map { "\($0.file)\($0.range.start.line)" } == ["a2", "a9", "b1"])
    }
}
