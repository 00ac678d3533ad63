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
}

/// Every rule's own keys are rendered once and spliced into each finding; a rule the
/// run's table lacks is rendered in place by the same functions, to the same bytes.
struct JSONRuleFragmentTests {
    @Test func findingsOfRulesOutsideTheTableAreTheSameBytes() throws {
        let built = try ReportFixture.build()
        let spliced = JSONReporter().render(built.projects, errors: built.errors, waivers: built.waivers, context: built.context)
        // The same pack compiled again: its rules are other objects, missing from the table.
        let again = try RuleSetLoader().load([("Fixtures/packs/sample.yaml", try ReportFixture.bytes("Fixtures/packs/sample.yaml"))]).get()
        let otherContext = ReportContext(toolVersion: "0.1.0", asOf: built.context.asOf, packs: again.packs, gated: true)
        let inPlace = JSONReporter().render(built.projects, errors: built.errors, waivers: built.waivers, context: otherContext)
        #expect(inPlace == spliced)
        // Unprepared, a chunk renders its own project's rules.
        let unprepared = built.projects.map { JSONReporter().chunk(for: $0, context: built.context).string }
        let prepared = JSONReporter().prepared(for: built.context)
        #expect(unprepared == built.projects.map { prepared.chunk(for: $0, context: built.context).string })
    }

    @Test func splicedItemsContinueTheObjectTheyWereRenderedFor() {
        var items = JSONWriter(itemsAtDepth: 1, baseDepth: 0, afterItem: true)
        items.strings("mitigations", ["m"])
        let bytes = items.bytes
        var json = JSONWriter()
        json.open()
        json.bool("advisory", false)
        bytes.withUnsafeBufferPointer { json.splice(items: $0) }
        json.bool("after", true)
        json.close()
        #expect(json.text == "{\n  \"advisory\": false,\n  \"mitigations\": [\n    \"m\"\n  ],\n  \"after\": true\n}")
    }
}
