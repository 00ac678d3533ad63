import ArbiterCore
import ArbiterReport
import ArgumentParser

extension Arbiter {
    /// A rule's text, inputs, references and mitigations.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Explain a rule: what it checks, why, and how to mitigate it.",
            discussion: """
                Examples:
                  arbiter explain DA-BIO-001
                  arbiter explain DA-BIO-001 --format json   (the document GET /v1/rules/{id} answers)
                """)

        @Argument(help: ArgumentHelp("The rule id, such as DA-BIO-001.", valueName: "rule-id"))
        var ruleID: String

        @Option(help: "text (default) or json.")
        var format: ExplainFormat = .text

        /// Text for people, or the JSON document the service answers with.
        enum ExplainFormat: String, ExpressibleByArgument {
            case text, json
        }

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        func run() throws {
            let workspace = try Workspace.load(packs)
            guard let rule = workspace.ruleSet.rule(ruleID) ?? workspace.ruleSet.rule(ruleID.uppercased()) else {
                let ids = workspace.ruleSet.allRules.map(\.id)
                let hint = Spelling.suggestion(for: ruleID, among: ids).map { "did you mean '\($0)'?" } ?? "list the rules with `arbiter rules`"
                Terminal.writeError("error: no loaded pack defines rule '\(ruleID)'\n   = hint: \(hint)\n")
                throw ExitCode(2)
            }
            let pack = workspace.ruleSet.packs.first { $0.id == rule.pack }!
            if format == .json {
                Terminal.writeOutput(RuleDocument.render(rule, pack: pack, schema: workspace.ruleSet.schema))
                return
            }
            var out = "\(rule.id) — \(rule.title)\n"
            out += "pack \(pack.id) \(pack.version) · category \(rule.category) · severity \(rule.severity.rawValue) · weight \(Value.format(rule.weight)) points"
            if let cap = pack.declaredCaps[rule.category] { out += " (the category adds at most \(Value.format(cap)))" }
            out += "\n"
            if let applies = rule.appliesText { out += "applies when:\n  \(applies)\n" }
            if let enforceFrom = rule.enforceFrom { out += "advisory until \(enforceFrom); enforced by the gate from then on\n" }
            out += "\nfires when:\n  \(rule.conditionText)\n"
            if let scale = rule.scale {
                out += "contribution scales with \(scale.text): none at \(Value.format(scale.from)), full at \(Value.format(scale.to))\n"
            }
            out += "\nreads:\n"
            for slot in rule.reads {
                let declaration = workspace.ruleSet.schema.declarations[slot]
                out += "  \(declaration.path) (\(declaration.type)\(declaration.unit.map { ", \($0)" } ?? "")) — \(declaration.doc)\n"
            }
            out += "\nwhy:\n" + wrap(rule.rationale)
            if !rule.levers.isEmpty {
                out += "\nmitigations:\n" + rule.levers.map { lever in
                    let sets = lever.changes.map(\.assignment)
                    return wrap("- " + lever.text + (sets.isEmpty ? "" : " (sets " + sets.joined(separator: ", ") + ")"))
                }.joined()
            }
            out += "\nreferences:\n" + rule.references.map { "  \($0.title)\n    \($0.url)\n" + ($0.mirror.map { "    translation or copy: \($0)\n" } ?? "") }.joined()
            out += "\ndefined in \(rule.file):\(rule.range.start.line)\n"
            Terminal.writeOutput(out)
        }

        private func wrap(_ text: String) -> String {
            var lines: [String] = []
            var line = " "
            for word in text.split(separator: " ") {
                if line.count + word.count + 1 > 78 { lines.append(line); line = "   " }
                line += " " + word
            }
            lines.append(line)
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
