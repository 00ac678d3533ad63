import ArgumentParser

extension Arbiter {
    /// A folder of dossiers in parallel, with reports.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "audit",
            abstract: "Score every dossier under the given paths, in parallel.",
            discussion: """
                Walks folders for *.yaml and *.yml (hidden folders skipped), scores each file and writes reports in a stable order whatever --jobs is. Files that cannot be read or checked are reported with their location; the rest are still scored, and the exit code is then 2.

                Examples:
                  arbiter audit Fixtures/projects
                  arbiter audit projects/ --format csv -o scores.csv
                  arbiter audit projects/ --report html=board.html --quiet
                  arbiter audit projects/ --jobs 2 --shard 1/4 --format json
                """)

        @Argument(help: ArgumentHelp("Dossier files or folders (default: the current folder).", valueName: "path"),
                  completion: .file())
        var paths: [String] = []

        @OptionGroup(title: "Evaluation") var packs: PackOptions
        @OptionGroup(title: "Evaluation") var waiverOptions: WaiverOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "Batch") var batch: BatchOptions

        func run() throws {
            let status = try Runner.run(paths: paths.isEmpty ? ["."] : paths, packs: packs, output: output, waivers: waiverOptions, batch: batch, gate: nil)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
