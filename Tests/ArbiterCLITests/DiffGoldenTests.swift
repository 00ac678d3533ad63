import Foundation
import Testing

/// `arbiter diff` between reports of the board-screen pack in `Fixtures/diff/` and each
/// variant of it, scored over Fixtures/projects by the built binary: text, markdown and
/// json must match `Fixtures/diff/expected/`, and `--fail-on` must decide the exit code.
/// `ARBITER_RECORD=1 swift test` rewrites the goldens.
@Suite(.serialized)
struct DiffGoldenTests {
    static let folder = CLIRunner.root.appendingPathComponent("Fixtures/diff")

    /// Each variant with whether it changes a band (so `--fail-on band-change` exits 1).
    static let variants: [(name: String, changesBand: Bool)] = [
        ("base", false), ("weight", true), ("new-rule", true), ("removed-rule", true), ("threshold", true),
    ]

    /// The reports, written once into a scratch folder the diffs then run in, so the
    /// names they print are the bare file names.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-diff-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for variant in variants {
            _ = try? CLIRunner.run(["audit", "Fixtures/projects", "--rules", "Rules/vocabulary.yaml", "--rules", "Fixtures/diff/\(variant.name).yaml",
                                    "--as-of", "2026-06-01", "--format", "json", "--output", url.appendingPathComponent("\(variant.name).json").path])
        }
        return url
    }()

    @Test("diff output matches its golden file", arguments: variants.map(\.name))
    func matchesGolden(_ variant: String) throws {
        for (format, suffix) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
            let output = try CLIRunner.run(["diff", "base.json", "\(variant).json", "--format", format], cwd: Self.scratch.path)
            #expect(output.status == 0, "diff \(variant) \(format): \(output.stderr)")
            let golden = Self.folder.appendingPathComponent("expected/\(variant).\(suffix)")
            if ProcessInfo.processInfo.environment["ARBITER_RECORD"] == "1" {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(output.stdout.utf8).write(to: golden)
                continue
            }
            #expect(output.stdout == (try String(contentsOf: golden, encoding: .utf8)), "\(variant).\(suffix) differs")
        }
    }

    @Test("--fail-on band-change exits 1 exactly when a band moved", arguments: variants)
    func failsOnBandChange(_ variant: (name: String, changesBand: Bool)) throws {
        let output = try CLIRunner.run(["diff", "base.json", "\(variant.name).json", "--fail-on", "band-change"], cwd: Self.scratch.path)
        #expect(output.status == (variant.changesBand ? 1 : 0), "\(output.stderr)")
        #expect(output.stderr.contains("band change") == variant.changesBand)
    }

    @Test func scoreChangeThreshold() throws {
        // The weight change (BS-002 from 20 to 30) moves each project where BS-002 fires by
        // 10 points, as scores are points, and nothing by more.
        let loose = try CLIRunner.run(["diff", "base.json", "weight.json", "--fail-on", "score-change=10"], cwd: Self.scratch.path)
        #expect(loose.status == 0, "\(loose.stderr)")
        let strict = try CLIRunner.run(["diff", "base.json", "weight.json", "--fail-on", "score-change=5"], cwd: Self.scratch.path)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("moved by more than 5 points"))
    }

    @Test func badInputIsAUsageOrInputError() throws {
        let flag = try CLIRunner.run(["diff", "base.json", "weight.json", "--fail-on", "score-change=lots"], cwd: Self.scratch.path)
        #expect(flag.status == 64)
        let notJSON = try CLIRunner.run(["diff", "Fixtures/diff/base.yaml", "Fixtures/diff/base.yaml"])
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.contains("error: the report is not a JSON object"))
        let missing = try CLIRunner.run(["diff", "nope.json", "Fixtures/diff/base.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json"))
    }
}
