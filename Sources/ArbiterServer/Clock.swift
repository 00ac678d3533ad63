import ArbiterCore
import Foundation

/// Today's date in UTC, for requests that name no `as_of`: the server, like the CLI, is
/// where the clock is read, never the core.
enum Clock {
    static func today() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!) ?? CivilDate("2026-01-01")!
    }

    /// The current time as RFC 3339 in UTC, for the decision log.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
