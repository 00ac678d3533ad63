import ArbiterCore
import ArbiterEngine
import ArbiterYAML
import ArgumentParser

extension Arbiter {
    /// Validates packs, and dossiers when given, without scoring anything.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check rule packs (and dossiers, if given) without scoring.",
            discussion: """
                Reports every problem in every file at once, each at its line and column, and exits 2 if there is any. Rules' examples are checked here (and run by `arbiter test`); scoring commands skip them.

                Warnings, which --strict makes errors: a rule without a rationale, mitigations, or a firing and a passing example; a dossier fact that cites no source. The share of facts that cite a source is printed for the dossiers checked.

                Examples:
                  arbiter lint
                  arbiter lint --rules Rules Fixtures/projects
                  arbiter lint --strict projects/
                """)

        @Argument(help: ArgumentHelp("Dossier files or folders to check as well.", valueName: "path"), completion: .file())
        var paths: [String] = []

        @OptionGroup(title: "Evaluation") var packs: PackOptions

        @Option(name: .long, help: ArgumentHelp("A waivers file to check as well.", valueName: "file"))
        var waivers: String?

        @Flag(help: "Treat warnings (rules without rationale, mitigations or examples; facts without a source) as errors.")
        var strict = false

        func run() throws {
            let workspace = try Workspace.load(packs, waiversPath: waivers, examples: true)
            var problems = 0, warnings = 0
            // Warnings are printed as warnings, or counted as problems under --strict.
            func report(_ diagnostics: [Diagnostic], sources: [SourceText]) {
                guard !diagnostics.isEmpty else { return }
                let shown = strict ? diagnostics.map { warning in var error = warning; error.severity = .error; return error } : diagnostics
                Console.print(shown, sources: sources)
                if strict { problems += diagnostics.count } else { warnings += diagnostics.count }
            }
            let packWarnings = PackAuthoringCheck.warnings(workspace.ruleSet, examplesDecoded: true)
            let packSources = Set(packWarnings.map(\.file)).sorted().compactMap { file in
                (try? FileInput.read(file, limit: workspace.loaderLimits.maxFileSize).get()).map { SourceText(file: file, bytes: $0) }
            }
            report(packWarnings, sources: packSources)
            var facts = 0, cited = 0
            let found = DossierFinder(paths: paths, config: workspace.config, excluded: Set(workspace.packFiles)).all()
            Console.print(found.problems, sources: [])
            problems += found.problems.count
            var ids = ScoringRun(session: workspace.session)
            let folder = FolderHandle()
            func shown(_ path: RawPath) -> String { path.isStandardInput ? "<stdin>" : path.display }
            for (ordinal, path) in found.files.enumerated() {
                let display = shown(path)
                switch FileInput.read(path, limit: workspace.loaderLimits.maxFileSize, folder: folder) {
                case .failure(let failure):
                    Console.print([FileInput.diagnostic(failure, path: display, limit: workspace.loaderLimits.maxFileSize)], sources: [])
                    problems += 1
                case .success(let bytes):
                    switch workspace.session.decode(bytes: bytes, name: display) {
                    case .failure(let invalid):
                        Console.print(invalid)
                        problems += invalid.diagnostics.count
                    case .success(let dossier):
                        let provenance = DossierProvenance(dossier, schema: workspace.ruleSet.schema)
                        facts += provenance.facts
                        cited += provenance.cited
                        let stale = dossier.searches.compactMap { $0.staleness(asOf: workspace.session.options.asOf, file: display) }
                        report(provenance.warnings + stale, sources: [SourceText(file: display, bytes: bytes)])
                        if case .duplicate(let first) = ids.admit(id: dossier.id, ordinal: ordinal, matchedWaivers: []) {
                            Console.print([ScoringRun.duplicate(dossier.id, firstUsedBy: shown(found.files[first]), file: display,
                                                                       range: dossier.idRange)],
                                          sources: [SourceText(file: display, bytes: bytes)])
                            problems += 1
                        }
                    }
                }
            }
            let rules = workspace.ruleSet.allRules.count
            let packList = workspace.ruleSet.packs.map(\.id).joined(separator: ", ")
            let summary = "checked \(workspace.ruleSet.packs.count) pack\(workspace.ruleSet.packs.count == 1 ? "" : "s") (\(packList); \(rules) rules)"
                + (found.files.isEmpty ? "" : " and \(found.files.count) dossier\(found.files.count == 1 ? "" : "s")")
            if facts > 0 {
                let share = Int((Double(cited) / Double(facts) * 100).rounded(.down))
                Terminal.writeOutput("facts citing a source: \(cited) of \(facts) (\(share) %)\n")
            }
            let warned = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
            if problems > 0 {
                Terminal.writeError("\(summary): \(problems) problem\(problems == 1 ? "" : "s")\(warned)\n")
                throw ExitCode(2)
            }
            Terminal.writeOutput("\(summary): no problems\(warned)\n")
        }
    }
}
