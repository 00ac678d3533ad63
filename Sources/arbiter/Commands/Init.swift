import ArbiterCore
import ArbiterReport
import ArgumentParser

extension Arbiter {
    /// A documented dossier template.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Print a dossier template listing every input with its documentation.",
            discussion: """
                Every fact starts commented out (unknown). Fill in what your sources support, set 'name', and check it with `arbiter lint`.

                Example:
                  arbiter init ke-nairobi-safe-city > ke-nairobi-safe-city.yaml
                """)

        @Argument(help: ArgumentHelp("The project id to put in the template.", valueName: "id"))
        var id: String?

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        func validate() throws {
            if let id, id.isEmpty || !id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) || !id.allSatisfy(\.isASCII) {
                throw ValidationError("'\(id)' is not a valid id; use \(DossierDecoder.identifierRule)")
            }
        }

        func run() throws {
            let workspace = try Workspace.load(packs)
            Terminal.writeOutput(DossierTemplateWriter.render(workspace.ruleSet, id: id))
        }
    }
}
