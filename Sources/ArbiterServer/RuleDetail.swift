import ArbiterCore

/// `GET /v1/rules/{id}`: what `arbiter explain` prints, as JSON.
struct RuleDetail: Encodable {
    struct Input: Encodable {
        var path: String
        var type: String
        var unit: String?
        var doc: String
    }

    struct Scale: Encodable {
        var by: String
        var from: Double
        var to: Double
    }

    struct ReferenceBody: Encodable {
        var id: String
        var title: String
        var url: String
    }

    struct Place: Encodable {
        var file: String
        var line: Int
    }

    var id: String
    var title: String
    var pack: String
    var packVersion: String
    var category: String
    var severity: String
    var weight: Double
    var packWeight: Double
    var when: String
    var scale: Scale?
    var reads: [Input]
    var rationale: String
    var mitigations: [String]
    var references: [ReferenceBody]
    var enforceFrom: String?
    var definedIn: Place

    init(_ rule: CompiledRule, pack: CompiledPack, schema: InputSchema) {
        id = rule.id
        title = rule.title
        self.pack = pack.id
        packVersion = pack.version
        category = rule.category
        severity = rule.severity.rawValue
        weight = rule.weight
        packWeight = pack.totalWeight
        when = rule.conditionText
        scale = rule.scale.map { Scale(by: $0.path, from: $0.from, to: $0.to) }
        reads = rule.reads.map { slot in
            let declaration = schema.declarations[slot]
            return Input(path: declaration.path, type: declaration.type.description, unit: declaration.unit, doc: declaration.doc)
        }
        rationale = rule.rationale
        mitigations = rule.mitigations
        references = rule.references.map { ReferenceBody(id: $0.id, title: $0.title, url: $0.url) }
        enforceFrom = rule.enforceFrom?.description
        definedIn = Place(file: rule.file, line: rule.range.start.line)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, pack, category, severity, weight, when, scale, reads, rationale, mitigations, references
        case packVersion = "pack_version", packWeight = "pack_weight", enforceFrom = "enforce_from", definedIn = "defined_in"
    }
}
