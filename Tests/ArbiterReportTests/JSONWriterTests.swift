@testable import ArbiterReport
import ArbiterCore
import ArbiterYAML
import Foundation
import Testing

/// The JSON writer tests eight bytes at a time for characters that need escaping, so
/// every such character is tried at every offset within and across those words.
struct JSONWriterTests {
    static let specials = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}"]

    @Test(arguments: specials)
    func escapesASpecialCharacterAtEveryOffset(_ special: String) throws {
        for offset in 0...17 {
            let original = String(repeating: "a", count: offset) + special + "é€" + String(repeating: "b", count: 9)
            var json = JSONWriter(pretty: false)
            json.open(array: true)
            json.string(nil, original)
            json.close(array: true)
            let text = json.text
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String])
            #expect(decoded == [original], "offset \(offset)")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }, "offset \(offset)")
        }
    }

    @Test func leavesPlainTextAndOtherMultibyteCharactersAlone() {
        // 0xE2 also leads "€" and "—", which are written as they are.
        for original in ["", "plain", "exactly8", "Beograd — Safe City, €12 million, 北京", String(repeating: "é", count: 40)] {
            var json = JSONWriter(pretty: false)
            json.string(nil, original)
            #expect(json.text == "\"" + original + "\"")
        }
    }

    @Test func writesNumbersValuesAndNesting() {
        var json = JSONWriter(baseDepth: 1, prefix: "\n  ")
        json.open()
        json.number("half", 2.5)
        json.number("infinite", .infinity)
        json.number("missing", nil)
        json.int("line", -42)
        json.value("list", .list([.int(1), .number(0.125), .string("x"), .bool(true), .null]))
        json.open("empty", array: true)
        json.close(array: true)
        json.close()
        #expect(json.text == """

          {
            "half": 2.5,
            "infinite": null,
            "missing": null,
            "line": -42,
            "list": [1, 0.125, "x", true, null],
            "empty": []
          }
        """)
    }

    @Test func growsPastItsFirstCapacity() throws {
        var json = JSONWriter(pretty: false, capacity: 64)
        json.open(array: true)
        for index in 0..<2_000 { json.string(nil, "item \(index)") }
        json.close(array: true)
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String])
        #expect(decoded.count == 2_000)
        #expect(decoded.last == "item 1999")
    }

    /// A repeated item is the same bytes as writing it again, first in an array or not,
    /// and still after the buffer has grown and moved.
    @Test func aRepeatedItemReadsAsIfWrittenAgain() {
        func item(_ json: inout JSONWriter, _ index: Int) {
            json.string("path", "a.b")
            json.int("line", index)
            json.open("sources", array: true)
            json.string(nil, "s-\(index)")
            json.close(array: true)
        }
        var repeated = JSONWriter(capacity: 64)
        var written = JSONWriter(capacity: 64)
        repeated.open()
        written.open()
        repeated.open("first", array: true)
        written.open("first", array: true)
        let start = repeated.openRecorded()
        item(&repeated, 7)
        repeated.close()
        let range = start..<repeated.position
        written.open()
        item(&written, 7)
        written.close()
        repeated.close(array: true)
        written.close(array: true)
        repeated.open("again", array: true)
        written.open("again", array: true)
        for index in 0..<300 {
            // A different item between repeats, so the buffer grows several times.
            repeated.open()
            item(&repeated, index)
            repeated.close()
            written.open()
            item(&written, index)
            written.close()
            repeated.repeatItem(range)
            written.open()
            item(&written, 7)
            written.close()
        }
        repeated.close(array: true)
        written.close(array: true)
        repeated.close()
        written.close()
        #expect(repeated.text == written.text)
        #expect(repeated.text.contains("\"s-7\""))
    }
}

/// Rule-only parts of findings are rendered once and spliced in; where they do not fit,
/// findings are written key by key, and both ways give the same bytes.
struct JSONPieceTests {
    @Test func aPieceIsSplicedOnlyWhereItWasRenderedFor() {
        let head = JSONWriter.piece(depth: 2, baseDepth: 0, afterItem: false, opening: "{") { $0.string("rule", "R-1") }
        let tail = JSONWriter.piece(depth: 2, baseDepth: 0, afterItem: true) { $0.strings("mitigations", ["m"]) }
        var json = JSONWriter()
        // Results are taken out first: `#expect` cannot call into a noncopyable writer.
        let headAtTop = json.open(with: head)
        json.open(array: true)
        let tailInEmptyArray = json.append(items: tail)
        let headInArray = json.open(with: head)
        json.bool("advisory", false)
        let tailAfterItem = json.append(items: tail)
        #expect(!headAtTop && !tailInEmptyArray && headInArray && tailAfterItem)
        // Indented bytes never go into a compact document.
        var compact = JSONWriter(pretty: false)
        compact.open(array: true)
        let headInCompact = compact.open(with: head)
        #expect(!headInCompact)
        json.close()
        json.close(array: true)
        #expect(json.text == "[\n  {\n    \"rule\": \"R-1\",\n    \"advisory\": false,\n    \"mitigations\": [\n      \"m\"\n    ]\n  }\n]")
    }

    @Test func findingsWrittenWithoutPiecesMatchThoseWrittenWithThem() throws {
        let built = try ReportFixture.build()
        let withPieces = JSONReporter().render(built.projects, errors: built.errors, waivers: built.waivers, context: built.context)
        // The same pack compiled again: its rules are other objects, so no piece fits.
        let again = try RuleSetLoader().load([("Fixtures/packs/sample.yaml", try ReportFixture.bytes("Fixtures/packs/sample.yaml"))]).get()
        let otherContext = ReportContext(toolVersion: "0.1.0", asOf: built.context.asOf, packs: again.packs, gated: true)
        let keyByKey = JSONReporter().render(built.projects, errors: built.errors, waivers: built.waivers, context: otherContext)
        #expect(keyByKey == withPieces)
    }
}
