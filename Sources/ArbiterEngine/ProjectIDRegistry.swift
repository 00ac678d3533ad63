import ArbiterCore

/// Project ids seen in a run, to refuse a second dossier with an id already used:
/// ids name projects in baselines and waivers, and two files with one id would be
/// ambiguous. Keeps a hash and an ordinal per id, so memory stays flat for large runs.
/// (A 64-bit hash collision among 50,000 ids has a probability near 10^-10.)
package struct ProjectIDRegistry: Sendable {
    private var seen = FirstSeenTable()

    package init() {}

    /// Records `id` for the item at `ordinal`; returns the ordinal of the item that used
    /// the id first, or nil when the id is new.
    package mutating func claim(_ id: String, ordinal: Int) -> Int? {
        seen.firstOrdinal(of: StableHash.of(id), recording: UInt32(truncatingIfNeeded: ordinal)).map(Int.init)
    }

    /// The error for a second use of `id`, at the `id` line of the later file.
    package static func duplicate(_ id: String, firstUsedBy first: String, file: String, range: SourceRange) -> Diagnostic {
        // Walk order is alphabetical, so the first file is not always the original; a
        // dossier named after its id most likely is.
        let named = { (path: String) in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return name == id + ".yaml" || name == id + ".yml"
        }
        var notes: [Diagnostic.Note] = [.hint("give each dossier its own id; the run exits 2 until every id is unique")]
        if named(file) && !named(first) {
            notes.append(.hint("this file is named after the id, so \(first), scored first, is probably the copy: change the id there"))
        }
        return .error("dossier.duplicate-id", "project id '\(id)' is already used by \(first)", file: file, range: range, notes: notes)
    }
}
