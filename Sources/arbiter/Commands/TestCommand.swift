import ArbiterCore
import ArbiterEngine
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

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        @Flag(name: .shortAndLong, help: "List every check, not only failures.")
        var verbose = false

        @Option(name: .long, help: ArgumentHelp("""
            A JSON report made with the previous versions of the packs: warn about each rule added since then \
            without a future enforce_from, whose findings and unknowns would fail dossiers that passed before.
            """, valueName: "report.json"), completion: .file(extensions: ["json"]))
        var previous: String?

        func run() throws {
            let workspace = try Workspace.load(packs, examples: true)
            let result = PackSelfTest.run(workspace.session)
            if let invalid = result.invalid {
                Console.print(invalid)
                throw ExitCode(2)
            }
            var out = ""
            for pack in result.packs {
                out += "\(pack.pack) \(pack.version): \(pack.rules) rules, \(pack.examples) examples, "
                out += "\(pack.covered)/\(pack.rules) rules with a firing and a passing example\n"
                for check in pack.checks where !check.passed || verbose {
                    out += "  \(check.passed ? "ok  " : "FAIL") \(check.text)\n"
                }
            }
            if result.hasCases {
                out += "\ncases:\n"
                for check in result.cases where !check.passed || verbose {
                    out += "  \(check.passed ? "ok  " : "FAIL") \(check.text)\n"
                }
                out += "  \(result.cases.filter(\.passed).count)/\(result.cases.count) expected bands hold\n"
            }
            if let previous {
                let snapshot = try Workspace.readReport(previous)
                let asOf = workspace.session.options.asOf
                var warnings: [String] = []
                for pack in workspace.ruleSet.packs {
                    guard let before = snapshot.packs.first(where: { $0.id == pack.id }) else { continue }
                    for rule in pack.rules where before.rules[rule.id] == nil && !(rule.enforceFrom.map { asOf < $0 } ?? false) {
                        warnings.append("\(rule.id) is new since \(pack.id) \(before.version) and is enforced at once: "
                                        + "add `enforce_from: DATE` so it warns before it fails the gate")
                    }
                }
                out += "\nnew rules since \(previous): "
                out += warnings.isEmpty ? "every one advisory first\n" : "\(warnings.count) enforced at once\n" + warnings.map { "  warning: \($0)\n" }.joined()
            }
            out += "\n\(result.checkCount) checks, \(result.failureCount) failed\n"
            Terminal.writeOutput(out)
            if result.failureCount > 0 { throw ExitCode(1) }
        }
    }
}
