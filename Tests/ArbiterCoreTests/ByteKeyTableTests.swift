import ArbiterCore
import Testing

/// The schema's key table against a dictionary doing the same job: across growth, with
/// names that share a length and first and last letters, prefixes of one another, the
/// empty name, non-ASCII names, and a name given a second value.
struct ByteKeyTableTests {
    static let names: [String] = {
        var names = ["", "a", "ab", "abc", "acb", "bac", "x-", "x-note", "country", "counrty", "cöuntry", "données", "監視"]
        for index in 0..<300 { names.append("fact_\(index)") }
        return names
    }()

    @Test func agreesWithADictionary() {
        var table = ByteKeyTable<Int>()
        var model: [String: Int] = [:]
        for (index, name) in Self.names.enumerated() where index % 2 == 0 {
            table.set(name, to: index)
            model[name] = index
        }
        table.set("abc", to: -1)
        model["abc"] = -1
        #expect(table.count == model.count)
        for name in Self.names + ["fact_", "fact_3000", "abcd", "ABC", "c"] {
            var bytes = name
            let found = bytes.withUTF8 { table.value(for: $0) }
            #expect(found == model[name], "\(name)")
            #expect(table.value(for: name) == model[name], "\(name)")
        }
    }
}
