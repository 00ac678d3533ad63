import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArbiterYAML
import ArgumentParser
import Foundation

/// What a command needs before it reads a dossier: the configuration and the scoring
/// session, found by `PackDiscovery` and built by `ScoringSession`. This is where their
/// diagnostics are printed and turned into exit code 2.
struct Workspace {
    var configuration: PackDiscovery.Configuration
    var session: ScoringSession

    var config: ProjectConfig { configuration.config }
    var ruleSet: RuleSet { session.ruleSet }
    var packFiles: [String] { session.packFiles }
    var asOf: CivilDate { session.options.asOf }
    var loaderLimits: LoaderLimits { session.options.limits }

    /// Loads the workspace, or prints every problem and throws exit code 2.
    /// `examples`: decode rules' examples, which only `test` runs and `lint` checks.
    static func load(_ options: PackOptions, waiversPath: String? = nil, examples: Bool = false) throws -> Workspace {
        let discovery = PackDiscovery()
        // A broken configuration would otherwise surface as a confusing follow-on error
        // (no packs found); it is reported on its own.
        let configuration = try succeed(discovery.configuration())
        Console.print(configuration.warnings, sources: [])
        let packFiles = try succeed(discovery.packFiles(explicit: options.rules, configuration: configuration))
        let waivers = waiversPath ?? configuration.config.waivers.map(configuration.resolve)
        let sessionOptions = SessionOptions(asOf: try options.evaluationDate(), decodesExamples: examples)
        let session = try succeed(ScoringSession.load(packFiles: packFiles, waiversFile: waivers, options: sessionOptions))
        return Workspace(configuration: configuration, session: session)
    }

    /// Each id names a loaded pack, or the first that does not is reported, with the
    /// nearest id, and exit code 2 (`--pack` of `plan` and `rules`).
    func requirePacks(_ ids: [String]) throws {
        let known = ruleSet.packs.map(\.id)
        for id in ids where !known.contains(id) {
            let hint = Spelling.suggestion(for: id, among: known).map { "did you mean '\($0)'?" } ?? "loaded packs: \(known.joined(separator: ", "))"
            Terminal.writeError("error: no loaded pack is called '\(id)'\n   = hint: \(hint)\n")
            throw ExitCode(2)
        }
    }

    /// A JSON report read back (for `diff` and `test --previous`), or its diagnostics
    /// printed and exit code 2.
    static func readReport(_ path: String) throws -> ReportSnapshot {
        let bytes = try succeed(FileInput.load(path, limit: 1 << 30))
        return try succeed(ReportSnapshotReader.read(bytes, file: path).mapError { Diagnostics($0.diagnostics) })
    }

    /// The value, or its diagnostics printed and exit code 2.
    static func succeed<Value>(_ result: Result<Value, Diagnostics>) throws -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let problems):
            Console.print(problems)
            throw ExitCode(2)
        }
    }
}
