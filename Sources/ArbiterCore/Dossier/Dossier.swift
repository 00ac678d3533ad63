/// A project described by an analyst: reserved fields, the facts the loaded packs
/// declare (indexed by schema slot), and the sources behind them.
public struct Dossier: Sendable, Equatable {
    public var file: String
    public var id: String
    public var name: String
    public var country: String?
    public var description: String?
    public var tags: [String]
    public var sources: [Source]
    /// Facts by schema slot; an unset slot is unknown.
    package var facts: SlotTable<Fact>
    /// Source ids cited for each slot, with citations of a group applied to its facts.
    package var citedSources: SlotTable<[String]>
    /// Adverse events searched for and not found (`searched:`), applied by the evaluator
    /// as of its date.
    public var searches: [Search] = []
    public var range: SourceRange
    /// Where the `id` is written, for duplicate-id errors across a batch.
    public var idRange: SourceRange

    package init(file: String, id: String, name: String, country: String? = nil, description: String? = nil,
                tags: [String] = [], sources: [Source] = [], facts: SlotTable<Fact>, citedSources: SlotTable<[String]>,
                searches: [Search] = [], range: SourceRange = .fileStart, idRange: SourceRange = .fileStart) {
        self.searches = searches
        self.file = file
        self.id = id
        self.name = name
        self.country = country
        self.description = description
        self.tags = tags
        self.sources = sources
        self.facts = facts
        self.citedSources = citedSources
        self.range = range
        self.idRange = idRange
    }

    public var knownFactCount: Int { facts.setCount }

    /// The fact at a schema slot (`InputSchema.slot(of:)`), or nil when it is unknown.
    public func fact(atSlot slot: Int) -> Fact? { facts[slot] }

    /// The ids of the sources cited for the fact at a schema slot.
    public func sources(citedForSlot slot: Int) -> [String] { citedSources[slot] ?? [] }
}
