/// One dossier's facts as its findings read them, shared by all of that dossier's
/// findings.
///
/// A finding's evidence and missing paths follow from its rule's reads and these
/// facts, so findings keep one reference to the sheet and work them out when a report
/// asks. Storing them had cost two arrays and a dozen retains per finding, created and
/// freed again for nearly every rule of every dossier in a batch.
public final class FactSheet: Sendable {
    /// Facts by schema slot; nil where the dossier does not state one.
    public let facts: [Fact?]
    /// Source ids the dossier cites for each slot.
    public let citedSources: [[String]]
    /// Fact paths by slot.
    public let paths: [String]

    public init(facts: [Fact?], citedSources: [[String]], paths: [String]) {
        self.facts = facts
        self.citedSources = citedSources
        self.paths = paths
    }
}
