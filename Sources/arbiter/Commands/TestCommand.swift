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
            out += "\n\(result.checkCount) checks, \(result.failureCount) failed\n"
            Terminal.writeOutput(out)
            if result.failureCount > 0 { throw ExitCode(1) }
        }
    }
}
