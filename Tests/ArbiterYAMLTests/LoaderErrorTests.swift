import ArbiterCore
import ArbiterYAML
import Testing

/// Every loader error, pinned by code and exact position.
struct LoaderErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: [UInt8]
        var code: String
        var line: Int
        var column: Int
        var limits = LoaderLimits()

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unterminated quote", source: Array("a: \"open\nb: 2\n".utf8), code: "yaml.syntax", line: 3, column: 1),
        Case(name: "bad indentation", source: Array("a:\n  b: 1\n c: 2\n".utf8), code: "yaml.syntax", line: 3, column: 2),
        Case(name: "tab indentation", source: Array("a:\n\tb: 1\n".utf8), code: "yaml.syntax", line: 2, column: 1),
        Case(name: "duplicate key", source: Array("a: 1\nb: 2\na: 3\n".utf8), code: "yaml.duplicate-key", line: 3, column: 1),
        Case(name: "duplicate nested key", source: Array("x:\n  k: 1\n  k: 2\n".utf8), code: "yaml.duplicate-key", line: 3, column: 3),
        Case(name: "mapping as key", source: Array("? {a: 1}\n: 2\n".utf8), code: "yaml.non-scalar-key", line: 1, column: 3),
        Case(name: "list as key", source: Array("[1, 2]: x\n".utf8), code: "yaml.non-scalar-key", line: 1, column: 1),
        Case(name: "python tag", source: Array("a: !!python/object:os.system ls\n".utf8), code: "yaml.unknown-tag", line: 1, column: 4),
        Case(name: "custom tag", source: Array("a: !custom 1\n".utf8), code: "yaml.unknown-tag", line: 1, column: 4),
        Case(name: "custom tag on a mapping", source: Array("a: !thing {b: 1}\n".utf8), code: "yaml.unknown-tag", line: 1, column: 4),
        Case(name: "bad tagged value", source: Array("a: !!int twelve\n".utf8), code: "yaml.invalid-tagged-value", line: 1, column: 4),
        Case(name: "second document", source: Array("a: 1\n---\nb: 2\n".utf8), code: "yaml.multiple-documents", line: 2, column: 1),
        Case(name: "invalid UTF-8", source: Array("a: 1\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8), code: "yaml.invalid-encoding", line: 2, column: 5),
        Case(name: "control character", source: Array("a: x".utf8) + [0x07] + Array("\n".utf8), code: "yaml.control-character", line: 1, column: 5),
        Case(name: "NUL byte", source: Array("a: 1\nb: 2".utf8) + [0x00] + Array("\n".utf8), code: "yaml.control-character", line: 2, column: 5),
        Case(name: "undefined alias", source: Array("a: *nowhere\n".utf8), code: "yaml.undefined-alias", line: 1, column: 4),
        Case(name: "merge key", source: Array("base: &b {x: 1}\nmore:\n  <<: *b\n".utf8), code: "yaml.merge-key", line: 3, column: 3),
        Case(name: "integer overflow", source: Array("a: 99999999999999999999\n".utf8), code: "yaml.number-out-of-range", line: 1, column: 4),
        Case(name: "file size", source: Array("a: 1234567890\n".utf8), code: "yaml.file-too-large", line: 1, column: 1,
             limits: LoaderLimits(maxFileSize: 8)),
        Case(name: "block depth", source: Array("a:\n b:\n  c:\n   d: 1\n".utf8), code: "yaml.depth-limit", line: 4, column: 4,
             limits: LoaderLimits(maxDepth: 3)),
        Case(name: "flow depth", source: Array("a: [[[[1]]]]\n".utf8), code: "yaml.depth-limit", line: 1, column: 6,
             limits: LoaderLimits(maxDepth: 3)),
        Case(name: "scalar length", source: Array("a: abcdefghijk\n".utf8), code: "yaml.scalar-too-long", line: 1, column: 4,
             limits: LoaderLimits(maxScalarLength: 10)),
        Case(name: "alias nodes", source: Array("a: &a [1, 2, 3]\nb: [*a, *a]\n".utf8), code: "yaml.alias-limit", line: 2, column: 9,
             limits: LoaderLimits(maxAliasNodes: 5)),
    ]

    @Test("each error carries its code and exact position", arguments: cases)
    func reportsLocatedError(_ testCase: Case) throws {
        let result = YAMLLoader(limits: testCase.limits).load(file: "bad.yaml", bytes: testCase.source)
        guard case .failure(let error) = result else {
            Issue.record("\(testCase.name) loaded without error")
            return
        }
        let first = try #require(error.diagnostics.first)
        #expect(first.code == testCase.code)
        #expect(first.file == "bad.yaml")
        #expect(first.range.start == SourcePosition(line: testCase.line, column: testCase.column),
                "\(first)")
    }

    @Test func duplicateKeyNotesTheFirstDefinition() throws {
        let result = YAMLLoader().load(file: "d.yaml", text: "a: 1\nb: 2\na: 3\n")
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        let note = try #require(error.diagnostics.first?.notes.first)
        #expect(note.message == "first defined here")
        #expect(note.range?.start == SourcePosition(line: 1, column: 1))
    }

    @Test func everyDuplicateKeyIsReported() throws {
        let result = YAMLLoader().load(file: "d.yaml", text: "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        #expect(error.diagnostics.map(\.range.start.line) == [2, 5])
    }

    /// Past 32 keys a mapping checks duplicates through a table instead of a scan; both
    /// paths must find the same key, note the same first definition, and stay quiet
    /// about keys that merely share a length and first and last letters.
    @Test(arguments: [5, 31, 32, 33, 400])
    func duplicatesAreFoundInMappingsOfAnySize(keys: Int) throws {
        var text = (0..<keys).map { "key\($0)x: \($0)\n" }.joined()
        text += "kez3x: lookalike\n"  // same length, first and last byte as key3x
        text += "key3x: again\n"
        let result = YAMLLoader().load(file: "d.yaml", text: text)
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        #expect(error.diagnostics.count == 1)
        let duplicate = try #require(error.diagnostics.first)
        #expect(duplicate.code == "yaml.duplicate-key")
        #expect(duplicate.range.start == SourcePosition(line: keys + 2, column: 1))
        #expect(duplicate.notes.first?.range?.start == SourcePosition(line: 4, column: 1))
    }

    @Test func emptyAndQuotedKeysAreComparedByText() throws {
        let result = YAMLLoader().load(file: "d.yaml", text: "\"\": 1\n'a': 2\n'': 3\n\"a\": 4\nb: {}\n")
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        #expect(error.diagnostics.map(\.range.start.line) == [3, 4])
    }

    @Test func syntaxErrorsKeepLibyamlsMessage() throws {
        let result = YAMLLoader().load(file: "s.yaml", text: "a: \"open\n")
        guard case .failure(let error) = result else { Issue.record("loaded"); return }
        #expect(error.diagnostics.first?.message.contains("found unexpected end of stream") == true)
    }

    @Test func billionLaughsFailsFast() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var outcome: Result<Document, DiagnosticError>?
        let elapsed = clock.measure { outcome = YAMLLoader().load(file: "lol.yaml", text: text) }
        guard case .failure(let error) = outcome else { Issue.record("billion laughs loaded"); return }
        #expect(error.diagnostics.first?.code == "yaml.alias-limit")
        // Generous bound: the point is that expansion stops early, not a speed contest.
        #expect(elapsed < .seconds(1))
    }

    @Test func deepFlowNestingIsRefusedAtTheDefaultLimit() throws {
        let text = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = YAMLLoader().load(file: "deep.yaml", text: text)
        guard case .failure(let error) = result else { Issue.record("deep nesting loaded"); return }
        #expect(error.diagnostics.first?.code == "yaml.depth-limit")
        #expect(error.diagnostics.first?.range.start == SourcePosition(line: 1, column: 67))
    }
}
