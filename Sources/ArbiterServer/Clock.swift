import ArbiterCore
import Foundation

/// Today's date in UTC, for requests that name no `as_of`: the server, like the CLI, is
/// where the clock is read, never the core.
enum Clock {
    static func today() -> CivilDate {
        // Whole days since 1970-01-01 in UTC; a clock outside years 1 to 9999 reads as the epoch.
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return CivilDate(dayNumber: days) ?? CivilDate(dayNumber: 0)!
    }

    /// The current time as RFC 3339 in UTC, for the decision log.
    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
