import ArbiterCore
import ArbiterYAML
import Testing

struct PositionTests {
    @Test func nodesCarryOneBasedRanges() throws {
        let text = "id: x\nsurveillance:\n  cameras: 1000\n  purposes: [traffic, crime-prevention]\n"
        let document = try YAMLLoader().load(file: "p.yaml", text: text).get()
        let entries = try #require(document.root.entries)
        #expect(entries.map(\.key) == ["id", "surveillance"])
        #expect(entries[1].keyRange.start == SourcePosition(line: 2, column: 1))
        let cameras = try #require(entries[1].value["cameras"])
        #expect(cameras.range.start == SourcePosition(line: 3, column: 12))
        #expect(cameras.range.end == SourcePosition(line: 3, column: 16))
        let purposes = try #require(entries[1].value["purposes"]?.items)
        #expect(purposes[1].range.start == SourcePosition(line: 4, column: 23))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let text = "name: \"Čačak – Ниш\"\nnext: 1\nthird: {a: Ωmega, b: 2}\n"
        let document = try YAMLLoader().load(file: "p.yaml", text: text).get()
        let b = try #require(document.root["third"]?["b"])
        #expect(b.range.start == SourcePosition(line: 3, column: 22))
        let a = try #require(document.root["third"]?["a"])
        #expect(a.range.end == SourcePosition(line: 3, column: 17))
    }

    @Test func mappingsKeepKeyOrder() throws {
        let document = try YAMLLoader().load(file: "p.yaml", text: "z: 1\na: 2\nm: 3\n").get()
        #expect(document.root.entries?.map(\.key) == ["z", "a", "m"])
    }

    @Test func aliasesCopyTheAnchoredValue() throws {
        let document = try YAMLLoader().load(file: "p.yaml", text: "a: &x [1, 2]\nb: *x\n").get()
        #expect(document.root["b"]?.items?.count == 2)
        #expect(document.root["b"]?.range.start == SourcePosition(line: 2, column: 4))
        // The alias has its own place; the items it shares keep theirs.
        #expect(document.root["b"]?.items?[1].range.start == SourcePosition(line: 1, column: 11))
        #expect(document.root["a"]?.value == document.root["b"]?.value)
    }

    @Test func aliasedKeysAndNestedAnchorsResolve() throws {
        let text = "k: &name title\nouter: &o {inner: &i [x, {y: 1}], *name : 2}\ncopy: *o\nitem: *i\n"
        let document = try YAMLLoader().load(file: "p.yaml", text: text).get()
        #expect(document.root["outer"]?["title"]?.value == .int(2))
        #expect(document.root["copy"]?.entries?.map(\.key) == ["inner", "title"])
        #expect(document.root["item"]?.items?[1]["y"]?.value == .int(1))
    }

    /// Nodes made in code go through the same builder as the loader: copying a loaded
    /// subtree keeps every value, key, range and style.
    @Test func builderCopiesLoadedSubtrees() throws {
        let text = "a:\n  b: [1, 2.5, true, null, 'q']\n  c: |\n    text\n"
        let document = try YAMLLoader().load(file: "p.yaml", text: text).get()
        var builder = NodeStoreBuilder()
        let copied = builder.copy(document.root)
        let copy = builder.finish(root: copied)
        #expect(copy.value == document.root.value)
        #expect(copy["a"]?["c"]?.style == .literal)
        #expect(copy["a"]?["b"]?.items?[4].range == document.root["a"]?["b"]?.items?[4].range)
        #expect(copy.entries?.first?.keyRange == document.root.entries?.first?.keyRange)
        #expect(Node.string("lone", range: .fileStart).string == "lone")
    }
}
