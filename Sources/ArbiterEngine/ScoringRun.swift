import ArbiterCore

/// What a run of many dossiers shares above each one, whoever drives it — the CLI's
/// batch runner with its threads and files, or the service's audit with its request:
/// one project id per dossier (a second use is refused, naming the first), and which
/// waivers matched, so expired and stale ones are reported once for the run.
///
/// Not thread-safe by design: a runner admits finished projects in input order, as it
/// writes them, which is also the order that decides which of two files keeps an id.
public struct ScoringRun: Sendable {
    public let session: ScoringSession
    private var ids = ProjectIDRegistry()
    private var matchCounts: [Int: Int] = [:]

    public init(session: ScoringSession) {
        self.session = session
    }

    /// What happened to a project offered to the run.
    public enum Admission: Equatable, Sendable {
        /// It counts: its waivers are tallied.
        case admitted
        /// Its id was used by the item at `firstOrdinal`: report it with `duplicate(…)`, skip it.
        case duplicate(firstOrdinal: Int)
    }

    /// Offers the project with `id` at position `ordinal` of the input, whose waivers
    /// `matchedWaivers` (indices into the session's waivers) matched.
    public mutating func admit(id: String, ordinal: Int, matchedWaivers: Set<Int>) -> Admission {
        if let first = ids.claim(id, ordinal: ordinal) { return .duplicate(firstOrdinal: first) }
        for waiver in matchedWaivers { matchCounts[waiver, default: 0] += 1 }
        return .admitted
    }

    public mutating func admit(_ outcome: ProjectOutcome, ordinal: Int) -> Admission {
        admit(id: outcome.project.id, ordinal: ordinal, matchedWaivers: outcome.matchedWaivers)
    }

    /// The error for a project refused as a duplicate, at the `id` line of the later file.
    public static func duplicate(_ id: String, firstUsedBy first: String, file: String, range: SourceRange) -> Diagnostic {
        ProjectIDRegistry.duplicate(id, firstUsedBy: first, file: file, range: range)
    }

    /// Each waiver as the run leaves it — applied (with how many projects it covered),
    /// expired or stale — judged as of `asOf` (the session's date unless a request set
    /// its own).
    public func waiverOutcomes(asOf: CivilDate? = nil) -> [WaiverOutcome] {
        let book = asOf.map { WaiverBook(waivers: session.waivers.waivers, asOf: $0) } ?? session.waivers
        return book.outcomes(matchCounts: matchCounts)
    }
}
