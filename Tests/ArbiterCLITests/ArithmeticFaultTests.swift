import Foundation
import Testing

/// A number too large to compute with makes a rule unknown with an arithmetic fault, and
/// the verdict never claims that every rule was decided while one was not.
struct ArithmeticFaultTests {
    static let packs = [
        ("a.yaml", """
            pack: a
            version: 1
            title: A
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.flag: {type: bool, doc: f}}
            rules:
              - {id: A-1, title: Flag set, category: c, severity: high, weight: 10, when: a.flag, message: set, rationale: r, references: [r]}
            """),
        ("b.yaml", """
            pack: b
            version: 1
            title: B
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {b.amount: {type: number, min: 0, doc: a}, b.gdp: {type: number, min: 0, doc: g}}
            rules:
              - {id: B-1, title: Large loan, category: c, severity: high, weight: 10, when: "b.amount * 100 / b.gdp > 5",
                 message: "The loan is {b.amount * 100 / b.gdp} % of GDP", rationale: r, references: [r]}
            """),
    ]

    @Test func anOverflowIsAFaultAndTheVerdictSaysARuleIsUndecided() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-arithmetic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var rules: [String] = []
        for (name, text) in Self.packs {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            rules += ["--rules", folder.appendingPathComponent(name).path]
        }
        let dossier = folder.appendingPathComponent("d.yaml")
        try Data("id: d\nname: D\na: {flag: true}\nb: {amount: 1.7976931348623157e308, gdp: 5500000000}\n".utf8).write(to: dossier)

        let text = try CLIRunner.run(["score", dossier.path, "--verbose"] + rules)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("inf"), "\(text.stdout)")
        #expect(!text.stdout.contains("every rule decided"), "\(text.stdout)")
        #expect(text.stdout.contains("1 rule undecided"), "\(text.stdout)")
        #expect(text.stdout.contains("fault: arithmetic overflow"), "\(text.stdout)")

        let json = try CLIRunner.run(["score", dossier.path, "--format", "json"] + rules)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let packs = try #require((root["projects"] as? [[String: Any]])?.first?["packs"] as? [[String: Any]])
        let finding = try #require((packs.first { $0["id"] as? String == "b" }?["findings"] as? [[String: Any]])?.first)
        #expect(finding["status"] as? String == "unknown")
        #expect((finding["fault"] as? String)?.contains("arithmetic overflow") == true)
    }
}
