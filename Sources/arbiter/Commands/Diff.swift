import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArgumentParser

extension Arbiter {
    /// How verdicts moved between two JSON reports: two pack versions over the same
    /// dossiers, or the same packs a month apart.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two JSON reports: band, score and finding changes per project and pack.",
            discussion: """
                Both reports come from `arbiter audit --format json` (or score, gate). Projects are matched by id and packs by id; a report written by this version also lists each pack's thresholds and rule weights, so the diff names the pack changes behind the moves (new and removed rules, changed weights, severities and thresholds).

                --fail-on band-change exits 1 when any project's band or verdict changed in any pack, or a project is in only one report; --fail-on score-change=N exits 1 when any pack's score moved by more than N points.

                Examples:
                  arbiter diff base.json head.json
                  arbiter diff base.json head.json --format markdown --fail-on band-change
                """)

        @Argument(help: ArgumentHelp("The earlier report.", valueName: "old.json"), completion: .file(extensions: ["json"]))
        var old: String

        @Argument(help: ArgumentHelp("The later report.", valueName: "new.json"), completion: .file(extensions: ["json"]))
        var new: String

        @Option(help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"))
        var format: VerdictDiffReporter.Format = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write the diff to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 on band-change, or on score-change=N (points).", valueName: "condition"))
        var failOn: DiffFailCondition?

        func run() throws {
            let before = try Workspace.readReport(old), after = try Workspace.readReport(new)
            let diff = VerdictDiff.between(before, after)
            let sink = try OutputSink(path: output)
            sink.write(VerdictDiffReporter.render(diff, oldName: old, newName: new, format: format))
            try sink.finish()
            if let failOn, let reason = failOn.failure(in: diff) {
                Terminal.writeError("diff: \(reason)\n")
                throw ExitCode(1)
            }
        }
    }
}

extension VerdictDiffReporter.Format: ExpressibleByArgument {}

/// `--fail-on`: what makes `arbiter diff` exit 1.
enum DiffFailCondition: ExpressibleByArgument {
    case bandChange
    case scoreChange(Double)

    init?(argument: String) {
        if argument == "band-change" {
            self = .bandChange
        } else if argument.hasPrefix("score-change="), let points = Double(argument.dropFirst("score-change=".count)),
                  points.isFinite, points >= 0 {
            self = .scoreChange(points)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["band-change", "score-change=N"] }

    /// Why the diff fails the condition, or nil when it passes.
    func failure(in diff: VerdictDiff) -> String? {
        switch self {
        case .bandChange:
            let count = diff.bandChanges
            return count == 0 ? nil : "\(count) band change\(count == 1 ? "" : "s") (--fail-on band-change)"
        case .scoreChange(let points):
            guard diff.incomparableSchema == nil else { return nil }
            let moved = diff.projects.filter { $0.presence == .both }.flatMap(\.packs).filter { abs($0.scoreDelta) > points }.count
            return moved == 0 ? nil
                : "\(moved) pack score\(moved == 1 ? "" : "s") moved by more than \(Value.format(points)) points (--fail-on score-change=\(Value.format(points)))"
        }
    }
}
