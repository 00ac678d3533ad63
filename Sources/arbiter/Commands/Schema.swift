import ArbiterEngine
import ArbiterReport
import ArgumentParser

extension Arbiter {
    /// JSON Schema of dossiers for the loaded packs.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print a JSON Schema of dossiers for the loaded packs, for editors.",
            discussion: """
                Point a YAML language server at it to validate and complete dossiers as you type:
                  arbiter schema > dossier.schema.json
                  # then, first line of a dossier:
                  # yaml-language-server: $schema=dossier.schema.json
                """)

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        func run() throws {
            let workspace = try Workspace.load(packs)
            Terminal.writeOutput(DossierSchemaWriter.render(workspace.ruleSet, toolVersion: ToolVersion.current))
        }
    }
}
