import ArbiterCore
import ArbiterYAML
import ArgumentParser
import Foundation

extension Arbiter {
    /// Runs every rule's examples and the expected-band cases under `tests/`.
    struct TestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run every rule's examples and the packs' test cases.",
            discussion: """
                Each rule's `fires` examples must fire and its `passes` examples must pass; every rule needs at least one of each. Case files in a `tests` folder beside the packs (Rules/tests/*.yaml) name a dossier and the band each pack should give it. Exits 1 when a check fails, 2 when a pack or case file is invalid.

                Example:
                  arbiter test --rules Rules
                """)

        @OptionGroup(title: "Packs") var packs: PackOptions

        @Flag(name: .shortAndLong, help: "List every check, not only failures.")
        var verbose = false

        func run() throws {
            let workspace = try Workspace.load(packs, examples: true)
            var out = ""
            var failures = 0
            var checks = 0
            let examples = ExampleCheck.run(workspace.ruleSet, asOf: workspace.asOf)
            for pack in workspace.ruleSet.packs {
                var packFailures: [String] = []
                for rule in pack.rules {
                    let mine = examples.filter { $0.rule == rule.id }
                    for check in mine {
                        checks += 1
                        if !check.passed {
                            let missing = check.missing.isEmpty ? "" : " (missing: \(check.missing.joined(separator: ", ")))"
                            packFailures.append("  FAIL \(rule.id) \(check.expectation == .fired ? "fires" : "passes") example \(check.index): got \(check.actual.rawValue)\(missing)")
                        } else if verbose {
                            out += "  ok   \(rule.id) \(check.expectation == .fired ? "fires" : "passes") example \(check.index)\n"
                        }
                    }
                    checks += 1
                    if !mine.contains(where: { $0.expectation == .fired }) || !mine.contains(where: { $0.expectation == .passed }) {
                        packFailures.append("  FAIL \(rule.id) needs at least one 'fires' and one 'passes' example")
                    }
                }
                failures += packFailures.count
                let covered = pack.rules.filter { rule in
                    examples.contains { $0.rule == rule.id && $0.expectation == .fired } && examples.contains { $0.rule == rule.id && $0.expectation == .passed }
                }.count
                out += "\(pack.id) \(pack.version): \(pack.rules.count) rules, \(examples.filter { $0.pack == pack.id }.count) examples, "
                out += "\(covered)/\(pack.rules.count) rules with a firing and a passing example\n"
                out += packFailures.map { $0 + "\n" }.joined()
            }

            let (caseLines, caseChecks, caseFailures) = try runCases(workspace)
            out += caseLines
            checks += caseChecks
            failures += caseFailures
            out += "\n\(checks) checks, \(failures) failed\n"
            Terminal.writeOutput(out)
            if failures > 0 { throw ExitCode(1) }
        }

        /// Case files live in a `tests` folder beside each pack folder or file.
        private func runCases(_ workspace: Workspace) throws -> (String, Int, Int) {
            let folders = Set(workspace.packFiles.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("tests").path })
            var files: [String] = []
            for folder in folders.sorted() {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { Workspace.relativePath(folder + "/" + $0, from: FileManager.default.currentDirectoryPath) }
            }
            guard !files.isEmpty else { return ("", 0, 0) }
            var out = "\ncases:\n"
            var checks = 0, failures = 0
            var invalid: [Diagnostic] = []
            var sources: [SourceText] = []
            let loader = DossierLoader(schema: workspace.ruleSet.schema)
            let evaluator = Evaluator(ruleSet: workspace.ruleSet, asOf: workspace.asOf)
            let packs = Set(workspace.ruleSet.packs.map(\.id))
            for file in files {
                guard case .success(let bytes) = FileInput.read(file, limit: workspace.loaderLimits.maxFileSize) else { continue }
                sources.append(SourceText(file: file, bytes: bytes))
                let decoded = YAMLLoader().load(file: file, bytes: bytes).flatMap { BandExpectationDecoder().decode($0, knownPacks: packs) }
                guard case .success(let cases) = decoded else {
                    if case .failure(let error) = decoded { invalid += error.diagnostics }
                    continue
                }
                for expectation in cases {
                    let path = Workspace.resolve(expectation.dossier, against: (file as NSString).deletingLastPathComponent)
                    let normalized = (path as NSString).standardizingPath
                    guard case .success(let dossierBytes) = FileInput.read(normalized, limit: workspace.loaderLimits.maxFileSize) else {
                        invalid.append(.error("test.unreadable-dossier", "cannot read dossier '\(expectation.dossier)'", file: file, range: expectation.range))
                        continue
                    }
                    switch loader.load(path: normalized, bytes: dossierBytes) {
                    case .failure(let error):
                        invalid += error.diagnostics
                        sources.append(SourceText(file: normalized, bytes: dossierBytes))
                    case .success(let dossier):
                        let project = evaluator.evaluate(dossier)
                        for (pack, allowed) in expectation.bands {
                            checks += 1
                            let band = project.packs.first { $0.pack == pack }?.band ?? .low
                            let ok = allowed.contains(band)
                            if !ok { failures += 1 }
                            if !ok || verbose {
                                out += "  \(ok ? "ok  " : "FAIL") \(project.id) \(pack): \(band.rawValue), expected \(allowed.map(\.rawValue).joined(separator: " or ")) — \(expectation.reason)\n"
                            }
                        }
                    }
                }
            }
            if !invalid.isEmpty {
                Console.print(invalid, sources: sources)
                throw ExitCode(2)
            }
            out += "  \(checks - failures)/\(checks) expected bands hold\n"
            return (out, checks, failures)
        }
    }
}
