/// A dossier's record that an adverse event (documented misuse, a regulator's finding,
/// a refused request) was searched for and not found: such an event cannot be proved
/// absent, so the search stands for `false` while it is fresh, with the sources
/// searched as its evidence. Older than the fact's validity, it leaves the fact unknown.
public struct Search: Hashable, Sendable {
    package var slot: Int
    public var path: String
    /// When the search was made.
    public var on: CivilDate
    /// The ids of the sources searched.
    public var sources: [String]
    /// How many days the search stands for `false` (the vocabulary's `searchable:`).
    public var validity: Int
    public var range: SourceRange

    package init(slot: Int, path: String, on: CivilDate, sources: [String], validity: Int, range: SourceRange) {
        self.slot = slot
        self.path = path
        self.on = on
        self.sources = sources
        self.validity = validity
        self.range = range
    }

    /// Whether the search still stands for `false` on `date`: made on or before it, and
    /// no more than `validity` days earlier.
    package func isFresh(asOf date: CivilDate) -> Bool {
        on.dayNumber <= date.dayNumber && date.dayNumber - on.dayNumber <= validity
    }

    /// The last day the search stands for `false`.
    package var freshUntil: CivilDate { CivilDate(dayNumber: on.dayNumber + validity) ?? on }

    /// A warning for `lint` when the search no longer stands for `false` on `date`.
    package func staleness(asOf date: CivilDate, file: String) -> Diagnostic? {
        guard !isFresh(asOf: date) else { return nil }
        let why = on.dayNumber > date.dayNumber
            ? "is dated after the evaluation date \(date)"
            : "is older than the \(validity) days it stands for (until \(freshUntil), evaluated as of \(date))"
        return Diagnostic(.warning, code: "dossier.stale-search",
                          message: "the search of '\(path)' on \(on) \(why); the fact is unknown again",
                          file: file, range: range, notes: [.hint("search the sources again and update 'on', or record what was found")])
    }

    /// "none found in 3 sources searched on 2026-10-01".
    package var summary: String {
        "none found in \(sources.count) source\(sources.count == 1 ? "" : "s") searched on \(on)"
    }
}
