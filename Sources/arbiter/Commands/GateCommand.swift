import ArgumentParser

extension Arbiter {
    /// Fails CI when a project crosses a threshold.
    struct GateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gate",
            abstract: "Fail (exit 1) when a project crosses the gate's thresholds.",
            discussion: """
                Scores like `audit`, then decides per project. A project fails when a pack's gate band reaches --fail-on, or when an enforced finding of --fail-on-severity or worse fired (or, with --unknown worst, could fire). Waived findings and advisory ones (before a rule's enforce_from date) never fail the gate. With --baseline, only band rises and findings that the baseline does not have fail. Every reason is printed. Settings can live under `gate:` in .arbiter.yaml.

                Examples:
                  arbiter gate projects/
                  arbiter gate projects/ --format github --report markdown=summary.md
                  arbiter gate projects/ --baseline main-report.json --fail-on critical
                """)

        @Argument(help: ArgumentHelp("Dossier files or folders (default: the current folder).", valueName: "path"),
                  completion: .file())
        var paths: [String] = []

        @OptionGroup(title: "Evaluation") var packs: PackOptions
        @OptionGroup(title: "Evaluation") var waiverOptions: WaiverOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Batch") var batch: BatchOptions
        @OptionGroup(title: "Gate") var gate: GateOptions
        @OptionGroup(title: "What-if") var whatIf: WhatIfOptions

        func run() throws {
            let status = try Runner.run(paths: paths.isEmpty ? ["."] : paths, packs: packs, output: output, waivers: waiverOptions, batch: batch, gate: gate, whatIf: whatIf)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
