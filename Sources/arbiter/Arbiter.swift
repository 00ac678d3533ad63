import ArbiterEngine
import ArgumentParser

/// The `arbiter` command: scores infrastructure and surveillance projects against
/// digital-authoritarianism and debt-risk rule packs.
struct Arbiter: ParsableCommand {
    // Every command names itself: without `commandName`, the argument parser derives the
    // name from the type through reflection, which was a third of `--version`'s run.
    static let configuration = CommandConfiguration(
        commandName: "arbiter",
        abstract: "Score projects against digital-authoritarianism and debt-risk rule packs.",
        discussion: """
            Analysts describe each project in a YAML dossier of facts with sources; rule packs turn the facts into weighted findings, a 0–100 score with a range for unknown facts, and a band (low, moderate, high, critical).

            Examples:
              arbiter score Fixtures/projects/rs-belgrade-safe-city.yaml
              arbiter audit Fixtures/projects --report html=report.html
              arbiter gate projects/ --format github
              arbiter explain DA-BIO-001

            Exit codes: 0 success, 1 gate or test failed, 2 invalid input, 64 usage error.
            """,
        version: ToolVersion.current,
        subcommands: [Score.self, Audit.self, GateCommand.self, Lint.self, TestCommand.self, Explain.self, Schema.self, Init.self, Plan.self, Diff.self, RulesCommand.self, Serve.self]
    )

}
