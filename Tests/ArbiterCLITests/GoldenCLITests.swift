import Foundation
import Testing

/// Each case under `Fixtures/cli/cases/` names a command line; its standard output,
/// standard error and exit code must match the golden files beside it.
/// `ARBITER_RECORD=1 swift test` rewrites the output files; the `.code` files, the
/// expected exit codes, are only ever edited by hand.
struct GoldenCLITests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var cwd: String?
        var stdin: String?
        var testDescription: String { name }
    }

    static let folder = CLIRunner.root.appendingPathComponent("Fixtures/cli/cases")

    static let cases: [Case] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".cmd") }.sorted()
        return names.compactMap { name in
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            var testCase = Case(name: String(name.dropLast(4)), arguments: [])
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "args": testCase.arguments = parts[1].split(separator: " ").map(String.init)
                case "cwd": testCase.cwd = parts[1]
                case "stdin": testCase.stdin = parts[1]
                default: break
                }
            }
            return testCase
        }
    }()

    @Test func everyCommandHasACase() {
        let names = Set(Self.cases.map(\.name))
        #expect(Self.cases.count >= 20)
        for command in ["score", "audit", "gate", "lint", "test", "explain", "init", "schema", "serve", "plan", "diff", "rules"] {
            #expect(names.contains { $0 == command || $0.hasPrefix(command + "-") }, "no case for \(command)")
        }
        #expect(Set(Self.cases.compactMap { try? expectedStatus($0) }) == [0, 1, 2, 64])
    }

    /// Golden output must not follow the shipped packs' weights: a case runs on packs
    /// made for the tests (`Fixtures/packs/`), named on its command line or by the
    /// `.arbiter.yaml` of the folder it runs in. Only cases that print no verdict (help,
    /// version, a mistyped command) and the shipped packs' own lint may do without.
    @Test func goldenCasesRunOnSamplePacks() throws {
        func namesSamplePacks(_ testCase: Case) throws -> Bool {
            let named = zip(testCase.arguments, testCase.arguments.dropFirst()).filter { $0.0 == "--rules" }.map(\.1)
            if named.contains(where: { $0.hasPrefix("Fixtures/") }) { return true }
            guard let cwd = testCase.cwd else { return false }
            let config = try String(contentsOf: CLIRunner.root.appendingPathComponent(cwd + "/.arbiter.yaml"), encoding: .utf8)
            return config.contains("packs/golden")
        }
        let pinned = try Self.cases.filter { try !namesSamplePacks($0) }.map(\.name)
        #expect(Double(Self.cases.count - pinned.count) >= 0.8 * Double(Self.cases.count),
                "cases on the shipped packs: \(pinned)")
        let allowed: Set = ["help", "score-help", "serve-help", "version", "typo-command", "score-bad-flag",
                            "lint-strict-shipped", "diff-old-report"]
        #expect(Set(pinned).subtracting(allowed).isEmpty, "run these on Fixtures/packs/: \(Set(pinned).subtracting(allowed).sorted())")
    }

    private func expectedStatus(_ testCase: Case) throws -> Int32 {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(testCase.name + ".code"), encoding: .utf8)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("command output matches its golden files", arguments: cases)
    func matchesGolden(_ testCase: Case) throws {
        let output = try CLIRunner.run(testCase.arguments, cwd: testCase.cwd,
                                       stdin: testCase.stdin.map { CLIRunner.root.appendingPathComponent($0) })
        let base = Self.folder.appendingPathComponent(testCase.name)
        // The exit code is the case's contract, written by hand: recording rewrites what a
        // command prints, never whether it succeeds.
        #expect(output.status == (try expectedStatus(testCase)), "exit code; stderr: \(output.stderr)")
        if ProcessInfo.processInfo.environment["ARBITER_RECORD"] == "1" {
            try Data(output.stdout.utf8).write(to: base.appendingPathExtension("stdout"))
            try Data(output.stderr.utf8).write(to: base.appendingPathExtension("stderr"))
            return
        }
        let stdout = try String(contentsOf: base.appendingPathExtension("stdout"), encoding: .utf8)
        let stderr = try String(contentsOf: base.appendingPathExtension("stderr"), encoding: .utf8)
        #expect(output.stdout == stdout, "stdout of \(testCase.name) differs")
        #expect(output.stderr == stderr, "stderr of \(testCase.name) differs")
    }
}
