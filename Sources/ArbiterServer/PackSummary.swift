import ArbiterCore

/// `GET /v1/packs`: the loaded packs.
struct PackList: Encodable {
    var packs: [PackSummary]
}

/// One loaded pack: what it is and how its bands are cut.
struct PackSummary: Encodable {
    var id: String
    var version: String
    var title: String
    var description: String
    var rules: Int
    var totalWeight: Double
    var bands: [String: Double]
    var categories: [String]

    init(_ pack: CompiledPack) {
        id = pack.id
        version = pack.version
        title = pack.title
        description = pack.description
        rules = pack.rules.count
        totalWeight = pack.totalWeight
        bands = ["moderate": pack.bands.moderate, "high": pack.bands.high, "critical": pack.bands.critical]
        categories = pack.categories
    }

    enum CodingKeys: String, CodingKey {
        case id, version, title, description, rules, bands, categories
        case totalWeight = "total_weight"
    }
}
