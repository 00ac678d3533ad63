import ArbiterCore
import ArbiterReport
import ArgumentParser
import Foundation

extension Arbiter {
    /// One dossier, every finding explained.
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score one dossier and explain every finding.",
            discussion: """
                Reads FILE (or standard input for '-') and prints the score, range, band and every finding with the facts and sources behind it.

                Examples:
                  arbiter score Fixtures/projects/rs-belgrade-safe-city.yaml
                  arbiter score dossier.yaml --format json --output belgrade.json
                  cat dossier.yaml | arbiter score - --as-of 2026-01-01
                  arbiter score dossier.yaml --set governance.legal_basis=statute
                """)

        @Argument(help: ArgumentHelp("The dossier to score, or '-' for standard input.", valueName: "file"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @OptionGroup(title: "Evaluation") var packs: PackOptions
        @OptionGroup(title: "Evaluation") var waiverOptions: WaiverOptions
        @OptionGroup(title: "Output") var output: OutputOptions
        @OptionGroup(title: "What-if") var whatIf: WhatIfOptions

        func validate() throws {
            var isFolder: ObjCBool = false
            if file != "-", FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
                throw ValidationError("'\(file)' is a folder; `arbiter score` takes one dossier file. Use `arbiter audit \(file)` for a folder")
            }
        }

        func run() throws {
            let status = try Runner.run(paths: [file], packs: packs, output: output, waivers: waiverOptions, batch: nil, gate: nil, whatIf: whatIf)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
