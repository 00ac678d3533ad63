import ArbiterCore
import ArgumentParser
import Foundation

/// Which packs to load and the date to evaluate as of.
struct PackOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A rule pack file or a folder of packs (repeatable).", valueName: "path"),
            completion: .file(extensions: ["yaml", "yml"]))
    var rules: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluate as of this date (YYYY-MM-DD); default: today (UTC).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CivilDate(asOf) == nil {
            throw ValidationError("'\(asOf)' is not a date; write --as-of YYYY-MM-DD, for example 2026-03-31")
        }
    }

    /// The evaluation date: the flag, or today in UTC. The CLI is the only place that
    /// reads the clock.
    func evaluationDate() throws -> CivilDate {
        if let asOf, let date = CivilDate(asOf) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let date = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!) else {
            throw ValidationError("the system clock gives no valid date; pass --as-of")
        }
        return date
    }
}
