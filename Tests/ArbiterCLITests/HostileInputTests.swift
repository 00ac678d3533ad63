import Foundation
import Testing

/// Hostile and broken inputs: each must end with exit code 2 and a located message,
/// promptly, and a batch over all of them must still report the good dossiers.
struct HostileInputTests {
    struct Expectation: CustomTestStringConvertible, Sendable {
        var file: String
        var position: String
        var code: String
        var testDescription: String { file }
    }

    static let expectations: [Expectation] = {
        let url = CLIRunner.root.appendingPathComponent("Fixtures/invalid/expected.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            return parts.count == 3 ? Expectation(file: parts[0], position: parts[1], code: parts[2]) : nil
        }
    }()

    @Test func everyHostileFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.root.appendingPathComponent("Fixtures/invalid").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.expectations.map(\.file)))
        #expect(files.count >= 25)
    }

    @Test("hostile dossier is refused with a located error", arguments: expectations)
    func refused(_ expectation: Expectation) throws {
        let start = Date()
        let output = try CLIRunner.run(["score", "Fixtures/invalid/\(expectation.file)", "--as-of", "2026-11-29"])
        // A guard against hangs, not a speed measurement: the benchmark measures speed.
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        let first = output.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("Fixtures/invalid/\(expectation.file):\(expectation.position): error: "), "\(first)")
        #expect(first.hasSuffix("[\(expectation.code)]"), "\(first)")
    }

    @Test func aBatchOverHostileFilesStillReportsTheGoodOnes() throws {
        let output = try CLIRunner.run(["audit", "Fixtures/invalid", "Fixtures/projects/gb-norwich-cctv.yaml", "--format", "csv",
                                        "--as-of", "2026-11-29", "--jobs", "2"])
        #expect(output.status == 2)
        let rows = output.stdout.split(separator: "\r\n")
        #expect(rows.count == 3)  // header and two packs of the good dossier
        #expect(rows.dropFirst().allSatisfy { $0.contains("gb-norwich-cctv") })
        for expectation in Self.expectations {
            #expect(output.stderr.contains("Fixtures/invalid/\(expectation.file):\(expectation.position): error:"), "\(expectation.file)")
        }
    }

    /// Inputs too large to keep in the repository are generated here.
    @Test func generatedHostileInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(String, String, String)] = [
            ("oversize.yaml", "id: x\nname: x\nnotes: " + String(repeating: "a", count: 1_100_000) + "\n", "yaml.file-too-large"),
            ("long-value.yaml", "id: x\nname: x\nnotes: " + String(repeating: "v", count: 70_000) + "\n", "yaml.scalar-too-long"),
            // libyaml itself refuses implicit keys over 1,024 characters.
            ("long-key.yaml", "id: x\nname: x\n" + String(repeating: "k", count: 70_000) + ": 1\n", "yaml.syntax"),
            ("very-deep.yaml", "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n", "yaml.depth-limit"),
            ("many-aliases.yaml", "a: &a x\nb: [" + Array(repeating: "*a", count: 5_000).joined(separator: ", ") + "]\n", "yaml.alias-limit"),
        ]
        for (name, text, code) in cases {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let output = try CLIRunner.run(["score", path])
            #expect(output.status == 2, "\(name)")
            #expect(output.stderr.contains("[\(code)]"), "\(name): \(output.stderr.prefix(300))")
        }
    }

    @Test func hostilePacksAreRefusedAtTheirPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = """
            pack: hostile
            version: 1
            title: Hostile
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.flag: {type: bool, doc: f}, a.name: {type: string, doc: n}}
            rules:

            """
        func rule(_ id: String, _ when: String) -> String {
            "  - {id: \(id), title: t, category: c, severity: low, weight: 1, when: '\(when)', message: m, rationale: r, references: [r]}\n"
        }
        let cases: [(String, String, String)] = [
            ("deep-expression.yaml", rule("H-1", String(repeating: "(", count: 40) + "a.flag" + String(repeating: ")", count: 40)), "expr.too-deep"),
            ("long-expression.yaml", rule("H-1", Array(repeating: "a.flag", count: 800).joined(separator: " or ")), "expr.too-long"),
            ("many-nodes.yaml", rule("H-1", Array(repeating: "true", count: 500).joined(separator: " or ")), "expr.too-many-nodes"),
            ("bad-regex.yaml", rule("H-1", "matches(a.name, \"(a+\")"), "expr.invalid-regex"),
            ("anchor-cycle.yaml", "  - &r {id: H-1, title: t, category: c, severity: low, weight: 1, when: a.flag, message: m, rationale: r, references: [r], examples: {fires: [*r]}}\n", "yaml.undefined-alias"),
        ]
        for (name, body, code) in cases {
            let path = folder.appendingPathComponent(name).path
            try Data((header + body).utf8).write(to: URL(fileURLWithPath: path))
            let output = try CLIRunner.run(["lint", "--rules", path])
            #expect(output.status == 2, "\(name)")
            #expect(output.stderr.contains("\(name):7:"), "\(name): \(output.stderr.prefix(300))")
            #expect(output.stderr.contains("[\(code)]"), "\(name): \(output.stderr.prefix(300))")
        }
    }

    @Test func aThousandRulesAndACatastrophicPatternStillLoadAndRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var pack = """
            pack: big
            version: 1
            title: Big
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.name: {type: string, doc: n}}
            rules:

            """
        for index in 0..<1_000 {
            pack += "  - {id: B-\(index), title: t, category: c, severity: low, weight: 1, when: 'matches(a.name, \"^(a+)+$\")', message: m, rationale: r, references: [r]}\n"
        }
        try Data(pack.utf8).write(to: folder.appendingPathComponent("big.yaml"))
        let dossier = "id: d\nname: d\na:\n  name: \(String(repeating: "a", count: 500))b\n"
        try Data(dossier.utf8).write(to: folder.appendingPathComponent("d.yaml"))
        let start = Date()
        let output = try CLIRunner.run(["score", folder.appendingPathComponent("d.yaml").path, "--rules", folder.appendingPathComponent("big.yaml").path, "--format", "csv"])
        #expect(Date().timeIntervalSince(start) < 30)  // a hang guard; backtracking would take years
        #expect(output.status == 0, "\(output.stderr.prefix(500))")
        #expect(output.stdout.contains(",big,0.0,"))
    }
}
