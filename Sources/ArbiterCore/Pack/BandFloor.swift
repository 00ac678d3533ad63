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
        /// Every one of these rules (of the same pack) fired: a declared conjunction.
        case rules([String])
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

    /// The rules that meet this floor when `counts` says which findings count (fired,
    /// or also unknown for the worst case), or nil when it does not hold.
    public func rulesMeeting(_ findings: FindingList, counts: (Int) -> Bool) -> [String]? {
        switch trigger {
        case .severity(let severity, let count):
            var met: [String] = []
            for position in findings.indices where findings.rules[position].severity >= severity && counts(position) {
                met.append(findings.rules[position].id)
            }
            return met.count >= count ? met : nil
        case .rules(let ids):
            var met: [String] = []
            for id in ids {
                guard let position = findings.rules.firstIndex(where: { $0.id == id }), counts(position) else { return nil }
                met.append(id)
            }
            return met
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
    public static func highest(_ floors: [BandFloor], above scoreBand: Band, in findings: FindingList,
                               counts: (Int) -> Bool) -> AppliedFloor? {
        var best: AppliedFloor?
        for floor in floors where floor.band > scoreBand && floor.band > (best?.band ?? .low) {
            if let rules = floor.rulesMeeting(findings, counts: counts) {
                best = AppliedFloor(band: floor.band, reason: floor.reason, rules: rules)
            }
        }
        return best
    }
}
