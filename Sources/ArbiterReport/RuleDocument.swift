import ArbiterCore

/// One rule as a JSON document: everything `arbiter explain` prints (its pack, weight,
/// condition, scale, the facts it reads, why, the mitigations with the facts each sets,
/// the references with their mirrors, where it is defined). `arbiter explain --format
/// json` and `GET /v1/rules/{id}` both write this, so they cannot drift apart.
public enum RuleDocument {
    package static func render(_ rule: CompiledRule, pack: CompiledPack, schema: InputSchema) -> String {
        var json = JSONWriter()
        json.open()
        json.string("id", rule.id)
        json.string("title", rule.title)
        json.string("pack", pack.id)
        json.string("pack_version", pack.version)
        json.string("category", rule.category)
        json.string("severity", rule.severity.rawValue)
        json.number("weight", rule.weight)
        json.number("pack_weight", pack.totalWeight)
        json.string("when", rule.conditionText)
        if let scale = rule.scale {
            json.open("scale")
            json.string("by", scale.text)
            json.number("from", scale.from)
            json.number("to", scale.to)
            json.close()
        } else {
            json.null("scale")
        }
        json.open("reads", array: true)
        for slot in rule.reads {
            let declaration = schema.declarations[slot]
            json.open()
            json.string("path", declaration.path)
            json.string("type", declaration.type.description)
            json.string("unit", declaration.unit)
            json.string("doc", declaration.doc)
            json.close()
        }
        json.close(array: true)
        json.string("rationale", rule.rationale)
        json.strings("mitigations", rule.mitigations)
        // Beside each mitigation, the facts it sets (`path=value`), as explain shows them.
        json.open("mitigation_sets", array: true)
        for lever in rule.levers { json.strings(nil, lever.changes.map(\.assignment)) }
        json.close(array: true)
        json.open("references", array: true)
        for reference in rule.references {
            json.open()
            json.string("id", reference.id)
            json.string("title", reference.title)
            json.string("url", reference.url)
            json.string("mirror", reference.mirror)
            json.close()
        }
        json.close(array: true)
        json.string("enforce_from", rule.enforceFrom?.description)
        json.open("defined_in")
        json.string("file", rule.file)
        json.int("line", rule.range.start.line)
        json.close()
        json.close()
        return json.text + "\n"
    }
}
