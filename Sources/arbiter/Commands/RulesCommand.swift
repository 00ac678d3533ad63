import ArbiterCore
import ArbiterReport
import ArgumentParser

extension Arbiter {
    /// Every loaded rule with its pack, category, severity and weight.
    struct RulesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List every loaded rule with its pack, category, severity and weight.",
            discussion: """
                Examples:
                  arbiter rules
                  arbiter rules --pack debt-risk --min-severity high
                  arbiter rules --format json   (the document GET /v1/rules answers)
                """)

        @Option(name: .customLong("pack"), help: ArgumentHelp("Only this pack's rules (repeatable).", valueName: "id"))
        var onlyPacks: [String] = []

        @Option(name: .customLong("min-severity"), help: ArgumentHelp("Only rules of this severity or worse.", valueName: "severity"))
        var minimumSeverity: Severity?

        @Option(help: "text (default) or json.")
        var format: Explain.ExplainFormat = .text

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        func run() throws {
            let workspace = try Workspace.load(packs)
            try workspace.requirePacks(onlyPacks)
            let selected = workspace.ruleSet.packs.filter { onlyPacks.isEmpty || onlyPacks.contains($0.id) }
                .flatMap { pack in pack.rules.filter { rule in minimumSeverity.map { rule.severity >= $0 } ?? true } }
            if format == .json {
                Terminal.writeOutput(ServiceDocument.rules(selected))
                return
            }
            var rows: [[String]] = [["RULE", "PACK", "CATEGORY", "SEVERITY", "WEIGHT", "TITLE"]]
            for rule in selected {
                rows.append([rule.id, rule.pack, rule.category, rule.severity.rawValue, Value.format(rule.weight), rule.title])
            }
            let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
            var out = ""
            for row in rows {
                out += (0..<5).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    + "  " + row[5] + "\n"
            }
            Terminal.writeOutput(out + "\(rows.count - 1) rule\(rows.count == 2 ? "" : "s"); `arbiter explain RULE` for one in full\n")
        }
    }
}
