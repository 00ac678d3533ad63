import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArgumentParser
import Foundation

extension Arbiter {
    /// What would change a project's verdict: the facts to collect first, and the
    /// mitigations that would bring it to a target band.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Rank the facts to collect, and find the mitigations that bring a project to a target band.",
            discussion: """
                --target BAND finds, per pack, the smallest set of the pack's mitigations (those whose `set:` names the facts they change) that brings the pack's band to BAND or below: its worst band, unknown facts counted at their worst, with --unknown worst (the default); its band on the known facts with --unknown best (or decisive, which judges the known band as the gate does). The steps come in the order that lowers the score most, each with the score and band after it and the rules it makes pass, and the --set options that reproduce the end state with `arbiter score`. When no set reaches the target, the rules that stand in the way are listed (contextual facts, such as a country's debt, are never levers).

                Exact or greedy: the search tries every set of one mitigation, then of two, and so on, so the first set that reaches the target is a smallest one (ties go to the set that lowers the score most, then to rule ids in order). When the levers are too many for that (over 20,000 combinations before a set is found), it adds one mitigation at a time, the one that lowers the score most, and says "greedy": a smaller set may then exist.

                --collect ranks the unknown facts by how far knowing each could move each pack: the lowest and highest score and worst case reachable by giving the fact each value that matters (every value of a boolean or enumeration; the thresholds the rules compare a number, date or text with, and a value either side), with the rules it alone decides. Without --target, --collect alone is reported; without either, the target is moderate.

                Examples:
                  arbiter plan Fixtures/projects/rs-belgrade-safe-city.yaml --target moderate
                  arbiter plan dossier.yaml --target low --pack digital-authoritarianism --unknown best
                  arbiter plan dossier.yaml --collect --format markdown
                """)

        @Argument(help: ArgumentHelp("The dossier to plan for, or '-' for standard input.", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @Option(help: "The band to bring each pack to, or below.")
        var target: Band?

        @Flag(help: "Rank the unknown facts by how far knowing each could move each pack.")
        var collect = false

        @Option(name: .customLong("pack"), help: ArgumentHelp("Plan only for this pack (repeatable).", valueName: "id"))
        var onlyPacks: [String] = []

        @Option(help: "Bring the worst band (unknown facts at their worst) or the band of the known facts to the target.")
        var unknown: GatePolicy.UnknownTreatment = .worst

        @Option(help: ArgumentHelp("Report format: text, json, markdown or html.", valueName: "format"))
        var format: ReportFormat = .text

        @OptionGroup(title: "Evaluation") var packs: PackOptions
        @OptionGroup(title: "What-if") var whatIf: WhatIfOptions

        func validate() throws {
            guard PlanReporter.formats.contains(format) else {
                throw ValidationError("plan reports come as \(PlanReporter.formats.map(\.rawValue).joined(separator: ", ")), not \(format.rawValue)")
            }
        }

        func run() throws {
            let workspace = try Workspace.load(packs)
            try workspace.requirePacks(onlyPacks)
            let overrides = try whatIf.overrides(workspace)
            let limit = workspace.loaderLimits.maxFileSize
            let display = file == "-" ? "<stdin>" : file
            let bytes = try Workspace.succeed(FileInput.load(file, limit: limit, shownAs: display))
            let dossier = try Workspace.succeed(workspace.session.decode(bytes: bytes, name: display))
            let plan = ProjectPlan.make(dossier, ruleSet: workspace.ruleSet, asOf: workspace.asOf, overrides: overrides,
                                        collect: collect, target: target ?? (collect ? nil : .moderate), unknown: unknown, only: onlyPacks)
            Terminal.writeOutput(PlanReporter.render(plan, format: format, toolVersion: ToolVersion.current))
        }
    }
}
