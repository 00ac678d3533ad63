import ArbiterCore
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
                """)

        @Option(name: .customLong("pack"), help: ArgumentHelp("Only this pack's rules (repeatable).", valueName: "id"))
        var onlyPacks: [String] = []

        @Option(name: .customLong("min-severity"), help: ArgumentHelp("Only rules of this severity or worse.", valueName: "severity"))
        var minimumSeverity: Severity?

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        func run() throws {
            let workspace = try Workspace.load(packs)
            try workspace.requirePacks(onlyPacks)
            var rows: [[String]] = [["RULE", "PACK", "CATEGORY", "SEVERITY", "WEIGHT", "TITLE"]]
            for pack in workspace.ruleSet.packs where onlyPacks.isEmpty || onlyPacks.contains(pack.id) {
                for rule in pack.rules where minimumSeverity.map({ rule.severity >= $0 }) ?? true {
                    rows.append([rule.id, pack.id, rule.category, rule.severity.rawValue, Value.format(rule.weight), rule.title])
                }
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
