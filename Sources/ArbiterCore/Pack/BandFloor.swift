/// A pack's declaration that certain fired rules decide a band on their own, whatever
/// the weighted score says: a decisive breach (a ban in law, documented misuse, a
/// default) must not be averaged away by the many rules that did not fire.
///
/// A floor only ever counts fired rules, so more risk can only raise it: the band of a
/// pack is the higher of its score's band and its highest floor that holds.
public struct BandFloor: Hashable, Sendable {
    public enum Trigger: Hashable, Sendable {
        /// At least `count` distinct rules of this severity or higher fired.
        case severity(Severity, count: Int)
        /// Every rule of `positions` fired, and at least one of `anyOf` when it is not
        /// empty: a declared conjunction ("documented misuse with any identification
        /// capability"). Rules are held by their position in the pack, resolved at load.
        case rules(positions: [Int], anyOf: [Int])
    }

    public var band: Band
    public var trigger: Trigger
    /// Why the band holds, in words a report can print: "live identification without a statute".
    public var reason: String

    public init(band: Band, trigger: Trigger, reason: String) {
        self.band = band
        self.trigger = trigger
        self.reason = reason
    }

    /// Whether the floor holds when `counts` says which findings count (fired, or also
    /// unknown for the worst case). Every dossier asks this of every floor, so it counts
    /// without building anything.
    package func holds(in findings: FindingList, counts: (Int) -> Bool) -> Bool {
        switch trigger {
        case .severity(let severity, let count):
            var met = 0
            for position in findings.indices where findings.rules[position].severity >= severity && counts(position) {
                met += 1
                if met >= count { return true }
            }
            return false
        case .rules(let positions, let anyOf):
            return positions.allSatisfy(counts) && (anyOf.isEmpty || anyOf.contains(where: counts))
        }
    }

    /// The ids of the rules that meet the floor, for the one floor a report names.
    package func rulesMeeting(_ findings: FindingList, counts: (Int) -> Bool) -> [String] {
        switch trigger {
        case .severity(let severity, _):
            findings.indices.filter { findings.rules[$0].severity >= severity && counts($0) }.map { findings.rules[$0].id }
        case .rules(let positions, let anyOf):
            positions.map { findings.rules[$0].id } + anyOf.filter(counts).map { findings.rules[$0].id }
        }
    }
}

/// A floor that set a band above the band of the score alone.
public struct AppliedFloor: Hashable, Sendable {
    public var band: Band
    public var reason: String
    /// The fired (or, for the worst case, possibly firing) rules that meet the floor.
    public var rules: [String]

    public init(band: Band, reason: String, rules: [String]) {
        self.band = band
        self.reason = reason
        self.rules = rules
    }

    /// The highest of `floors` that holds and lifts the band above `scoreBand`; nil when
    /// none does. Between equal bands the first declared wins, so reports are stable.
    package static func highest(_ floors: [BandFloor], above scoreBand: Band, in findings: FindingList,
                               counts: (Int) -> Bool) -> AppliedFloor? {
        var best: BandFloor?
        for floor in floors where floor.band > max(scoreBand, best?.band ?? .low) && floor.holds(in: findings, counts: counts) {
            best = floor
        }
        return best.map { AppliedFloor(band: $0.band, reason: $0.reason, rules: $0.rulesMeeting(findings, counts: counts)) }
    }
}
