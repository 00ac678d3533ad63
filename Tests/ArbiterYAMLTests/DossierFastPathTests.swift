import ArbiterCore
import ArbiterYAML
import Foundation
import Testing

/// The fast path (`DossierLoader.loadDirectly`, events straight into a dossier) must
/// build exactly the dossier the full path (`loadThroughDocument`) builds, and accept
/// nothing the full path refuses. Checked on every fixture project and on thousands of
/// mutations of them: types changed, keys misspelt or doubled, values emptied, YAML
/// features added.
struct DossierFastPathTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let loader: DossierLoader = {
        let packs = ["Rules/digital-authoritarianism.yaml", "Rules/debt-risk.yaml"].map { path in
            (path, Array(FileManager.default.contents(atPath: root.appendingPathComponent(path).path)!))
        }
        return DossierLoader(schema: try! RuleSetLoader().load(packs).get().schema)
    }()

    static let projects: [(path: String, text: String)] = {
        let folder = root.appendingPathComponent("Fixtures/projects")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            ("Fixtures/projects/\(name)", try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }()

    /// Loads `text` both ways; records a failure when they disagree. Returns whether the
    /// fast path took it, and whether the full path accepted it.
    @discardableResult
    static func compare(_ text: String, path: String = "m.yaml") -> (fast: Bool, valid: Bool) {
        let bytes = Array(text.utf8)
        let fast = loader.loadDirectly(path: path, bytes: bytes)
        let full = loader.loadThroughDocument(path: path, bytes: bytes)
        switch (fast, full) {
        case (let fast?, .success(let dossier)):
            // Compared first, so that a failure prints the input rather than two whole dossiers.
            let same = fast == dossier
            #expect(same, "the two paths built different dossiers from:\n\(text.prefix(600))")
        case (.some, .failure(let error)):
            Issue.record("the fast path accepted what the full path refuses (\(error.diagnostics.first?.message ?? "")):\n\(text.prefix(600))")
        case (nil, _):
            break
        }
        if case .success = full { return (fast != nil, true) }
        return (fast != nil, false)
    }

    @Test func everyFixtureProjectTakesTheFastPathToTheSameDossier() throws {
        #expect(Self.projects.count >= 10)
        for project in Self.projects {
            let outcome = Self.compare(project.text, path: project.path)
            #expect(outcome.valid && outcome.fast, "\(project.path) should load directly")
        }
    }

    /// Line edits that turn a valid dossier into a nearby one, valid or not.
    static let mutations: [@Sendable (String) -> String] = [
        { $0.replacingOccurrences(of: ": true", with: ": yes") },
        { $0.replacingOccurrences(of: ": false", with: ": \"false\"") },
        { $0.replacingOccurrences(of: ": 1", with: ": -1") },
        { $0.replacingOccurrences(of: ": 2", with: ": 2000000000000") },
        { $0.replacingOccurrences(of: ": 3", with: ": 3.5") },
        { $0.replacingOccurrences(of: ": 4", with: ": \"4\"") },
        { $0.replacingOccurrences(of: ": 5", with: ": 99999999999999999999") },
        { $0.replacingOccurrences(of: "-", with: "_") },
        { $0.replacingOccurrences(of: ": ", with: ": null #") },
        { $0.replacingOccurrences(of: ": ", with: ": ~ #") },
        { $0.replacingOccurrences(of: ": ", with: ": [") + "]" },
        { $0.replacingOccurrences(of: ": ", with: ": {a: 1} #") },
        { $0.replacingOccurrences(of: ": ", with: ": &anchor ") },
        { $0.replacingOccurrences(of: ": ", with: ": !!str ") },
        { $0.replacingOccurrences(of: ": ", with: ": '") + "'" },
        { $0.replacingOccurrences(of: ":", with: "x:") },
        { line in line.hasPrefix(" ") ? line : "x-" + line },
        { $0.replacingOccurrences(of: "[", with: "[~, ") },
        { $0.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "") },
        { $0.replacingOccurrences(of: ": ", with: ": [") + "]" },
        { $0.replacingOccurrences(of: "]", with: ", nosuch]") },
        { $0.replacingOccurrences(of: "]", with: ", 7]") },
        { $0.replacingOccurrences(of: "-0", with: "-13") },
        { $0.replacingOccurrences(of: "title:", with: "titel:") },
        { $0.replacingOccurrences(of: "url:", with: "url: 3 #") },
        { $0.replacingOccurrences(of: "id: ", with: "id: \"\" #") },
        { $0.replacingOccurrences(of: "id: ", with: "id: bad id ") },
        { $0.replacingOccurrences(of: "name: ", with: "name: \"\" #") },
        { $0.replacingOccurrences(of: ": ", with: ":\n    ") },
        { "  " + $0 },
        { _ in "" },
    ]

    /// Applies one to three mutations to random lines, duplicating a line now and then
    /// (a repeated key).
    static func mutate(_ text: String, using generator: inout LoaderRobustnessTests.SplitMix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let index = Int.random(in: 0..<lines.count, using: &generator)
            if Int.random(in: 0..<8, using: &generator) == 0 {
                lines.insert(lines[index], at: index)
            } else {
                lines[index] = mutations.randomElement(using: &generator)!(lines[index])
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: 0..<6)
    func mutatedDossiersNeverDisagree(seed: Int) {
        var generator = LoaderRobustnessTests.SplitMix(state: UInt64(seed) &* 7919 &+ 11)
        var tallies = (fastValid: 0, fullOnlyValid: 0, invalid: 0)
        for _ in 0..<400 {
            let base = Self.projects.randomElement(using: &generator)!.text
            let outcome = Self.compare(Self.mutate(base, using: &generator))
            switch (outcome.fast, outcome.valid) {
            case (true, _): tallies.fastValid += 1
            case (false, true): tallies.fullOnlyValid += 1
            case (false, false): tallies.invalid += 1
            }
        }
        // Both kinds of outcome occur, so the comparison above is not vacuous.
        #expect(tallies.fastValid > 50)
        #expect(tallies.invalid > 50)
    }

    @Test func whatTheFastPathLeavesToTheFullLoad() {
        let base = "id: a\nname: A\nsurveillance:\n  cameras: 10\n"
        let cases = [
            base + "x-note: free text\n",                                   // extension keys
            "id: a\nname: A\nx-base: &b {cameras: 3}\nsurveillance: *b\n",   // anchors and aliases
            base + "country: !!str RS\n",                                   // tags
            base + "surveillance:\n  cameras: 11\n",                        // a repeated key
            base + "---\nid: b\n",                                          // a second document
            base + "surveillance:\n  cameras: [1\n",                        // a syntax error
            "- a\n- b\n",                                                   // not a mapping
            "",                                                             // empty
            base.replacingOccurrences(of: "cameras: 10", with: "purposes: traffic"), // one value for a list
            base.replacingOccurrences(of: "cameras: 10", with: "deployment: [city-wide]"), // a list for one value
        ]
        for text in cases {
            #expect(Self.loader.loadDirectly(path: "c.yaml", bytes: Array(text.utf8)) == nil, "\(text)")
            Self.compare(text)
        }
        #expect(Self.loader.loadDirectly(path: "c.yaml", bytes: Array(base.utf8)) != nil)
    }
}
