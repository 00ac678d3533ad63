@testable import ArbiterServer
import ArbiterYAML
import Testing

/// A YAML stream splits at its markers, and each document keeps the stream's line numbers.
struct YAMLStreamTests {
    func split(_ text: String) -> [(index: Int, line: Int, text: String)] {
        YAMLStream.documents(in: Array(text.utf8)).map { ($0.index, $0.line, String(decoding: $0.bytes, as: UTF8.self)) }
    }

    @Test func splitsAtMarkersAndKeepsLineNumbers() {
        let parts = split("a: 1\n---\nb: 2\n--- # second\nc: 3\n...\n# trailing comment\n")
        #expect(parts.map(\.index) == [1, 2, 3])
        #expect(parts.map(\.line) == [1, 2, 4])
        #expect(parts[1].text == "\n---\nb: 2\n")
        #expect(parts[2].text == "\n\n\n--- # second\nc: 3\n...\n")
    }

    /// Past the limit, documents are counted, not built: each is padded to its place in
    /// the stream, so building thousands would cost memory quadratic in their number.
    @Test func aLimitCountsEveryDocumentAndBuildsOnlyTheFirstOnes() {
        let stream = Array((0..<20_000).map { "id: p\($0)\n" }.joined(separator: "---\n").utf8)
        let (documents, count) = YAMLStream.documents(in: stream, limit: 3)
        #expect(count == 20_000)
        #expect(documents.map(\.index) == [1, 2, 3])
        #expect(String(decoding: documents[2].bytes, as: UTF8.self) == "\n\n\n---\nid: p2\n")
        #expect(YAMLStream.documents(in: stream, limit: 30_000).documents.count == 20_000)
    }

    @Test func emptyDocumentsAndALeadingMarkerAreNotDocuments() {
        #expect(split("---\n---\n# only a comment\n---\n\n").isEmpty)
        #expect(split("").isEmpty)
        let parts = split("%YAML 1.2\n---\na: 1\n---\n---\nb: 2")
        #expect(parts.map(\.line) == [1, 5])
        #expect(parts[0].text == "%YAML 1.2\n---\na: 1\n")
    }

    @Test func markersAreOnlyMarkersAtTheStartOfALine() {
        #expect(split("a: |\n  ---\n  text\nb: ---x\n").count == 1)
        #expect(split("---x: 1\n").count == 1)
        #expect(split("--- {a: 1}\n--- {b: 2}\n").count == 2)
    }
}

/// JSON's surrogate pair escapes become the `\U` escapes YAML reads.
struct JSONTextTests {
    func rewrite(_ text: String) -> String { String(decoding: JSONText.yamlCompatible(Array(text.utf8)), as: UTF8.self) }

    @Test func surrogatePairsInStringsBecomeOneEscape() throws {
        #expect(rewrite(#"{"name": "\ud83c\udffb and \u00e6"}"#) == #"{"name": "\U0001F3FB and \u00e6"}"#)
        #expect(rewrite(#"{"a": "\\ud83c\\udffb"}"#) == #"{"a": "\\ud83c\\udffb"}"#)
        #expect(rewrite(#"{"a": "\"\ud83c\udffb"}"#) == #"{"a": "\"\U0001F3FB"}"#)
        #expect(rewrite(#"{"lone": "\udb10x"}"#) == #"{"lone": "\udb10x"}"#)
        let document = try YAMLLoader().load(file: "j", bytes: JSONText.yamlCompatible(Array(#"{"name": "\ud83c\udffb"}"#.utf8))).get()
        #expect(document.root["name"]?.string == "\u{1F3FB}")
    }
}
