import Foundation
import Testing

/// Text from dossiers, packs and file names reaches a terminal (text and Markdown reports,
/// diagnostics) with its control characters shown as escapes: written with YAML's `\e`,
/// `\r` or `\a` they could clear the screen, rewrite a line or fake one of the report's.
struct TerminalEscapeTests {
    static let pack = #"""
        pack: hostile
        version: 1
        title: "Hostile \e[2J pack"
        references: {r: {title: "Ref \a title", url: "https://example.org"}}
        inputs: {a.name: {type: string, doc: n}, a.flag: {type: bool, doc: f}}
        rules:
          - id: H-1
            title: "Clears \e[2J the screen"
            category: c
            severity: high
            weight: 10
            when: a.flag
            message: "Carriage \r return; the value is {a.name}"
            rationale: r
            references: [r]
            mitigations: ["Bell \a here"]
        """#

    static let dossier = #"""
        id: hostile
        name: "Name \e]0;title\a with\ngate: passed"
        description: "First line \e[31m red\n\nSecond paragraph"
        a: {name: "value \e[2J", flag: true}
        """#

    /// No control character but the line breaks of the report itself.
    static func expectNoControls(_ text: String, _ label: String) {
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
        #expect(controls.isEmpty, "\(label): \(controls.map { String($0.value, radix: 16) })")
    }

    @Test func reportsShowControlCharactersAsEscapes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-escapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("hostile.yaml")
        try Data(Self.pack.utf8).write(to: pack)
        let dossier = folder.appendingPathComponent("dossier.yaml")
        try Data(Self.dossier.utf8).write(to: dossier)

        let score = try CLIRunner.run(["score", dossier.path, "--rules", pack.path, "--verbose"])
        #expect(score.status == 0, "\(score.stderr)")
        Self.expectNoControls(score.stdout, "score")
        #expect(score.stdout.contains(#"Clears \u{1B}[2J the screen"#), "\(score.stdout)")
        #expect(score.stdout.contains(#"Carriage \r return; the value is value \u{1B}[2J"#), "\(score.stdout)")
        #expect(score.stdout.contains(#"Bell \u{07} here"#))
        // A line break inside a one-line field is shown, so it cannot start a line of its own.
        #expect(score.stdout.contains(#"Name \u{1B}]0;title\u{07} with\ngate: passed (hostile)"#), "\(score.stdout)")
        #expect(!score.stdout.contains("\ngate: passed"))
        // A description keeps its paragraphs, each indented as the report's own text is.
        #expect(score.stdout.contains("  First line \\u{1B}[31m red\n  Second paragraph\n"), "\(score.stdout)")

        let audit = try CLIRunner.run(["audit", folder.path, "--rules", pack.path, "--verbose", "--as-of", "2026-11-29"])
        Self.expectNoControls(audit.stdout, "audit")
        let markdown = try CLIRunner.run(["audit", folder.path, "--rules", pack.path, "--format", "markdown", "--as-of", "2026-11-29"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        Self.expectNoControls(markdown.stdout, "markdown")
        #expect(markdown.stdout.contains(#"Clears \u{1B}[2J the screen"#), "\(markdown.stdout)")
    }

    @Test func diagnosticsShowControlCharactersAsEscapes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-escapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // An unknown key and a file name, both with an escape in them.
        let dossier = folder.appendingPathComponent("bad\u{1B}[2J.yaml")
        try Data(#"id: x\#nname: x\#n"clear \e[2J screen": 1\#n"#.utf8).write(to: dossier)
        let output = try CLIRunner.run(["score", dossier.path])
        #expect(output.status == 2)
        Self.expectNoControls(output.stderr, "diagnostics")
        #expect(output.stderr.contains(#"bad\u{1B}[2J.yaml:3:1: error: unknown field 'clear \u{1B}[2J screen'"#), "\(output.stderr)")
        let audit = try CLIRunner.run(["audit", folder.path])
        #expect(audit.status == 2)
        Self.expectNoControls(audit.stderr, "audit diagnostics")
        Self.expectNoControls(audit.stdout, "audit report")
    }
}
