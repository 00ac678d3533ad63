/// One dossier's facts as its findings read them, shared by all of that dossier's
/// findings.
///
/// A finding's evidence, missing paths and message follow from its rule and these
/// facts, so findings keep one reference to the sheet and work them out when a report
/// asks: a CSV row or a gate needs none of them. Storing them had cost two arrays and a dozen retains per finding, created and
/// freed again for nearly every rule of every dossier in a batch.
public final class FactSheet: Sendable {
    /// Facts by schema slot; unset where the dossier does not state one.
    package let facts: SlotTable<Fact>
    /// Source ids the dossier cites for each slot.
    package let citedSources: SlotTable<[String]>
    /// Fact paths by slot.
    public let paths: [String]
    /// The fresh searches that stand for `false`, by slot; empty for most dossiers.
    package let searches: [Int: Search]
    /// The evaluation date and step budget, for rendering messages when asked.
    let today: Int
    let stepBudget: Int

    package init(facts: SlotTable<Fact>, citedSources: SlotTable<[String]>, paths: [String], today: CivilDate, stepBudget: Int,
                 searches: [Int: Search] = [:]) {
        self.searches = searches
        self.facts = facts
        self.citedSources = citedSources
        self.paths = paths
        self.today = today.dayNumber
        self.stepBudget = stepBudget
    }
}
