import ArbiterCore

/// The documents `arbiter serve` answers besides reports, rules and errors — the loaded
/// packs, the rule list, its status, a decision-log line — on the reports' one JSON
/// writer, so every JSON Arbiter writes has one style and one escaping. `arbiter rules
/// --format json` writes the rule list the same way.
public enum ServiceDocument {
    /// `{"packs": [...]}`: what each loaded pack is and how its bands are cut.
    public static func packs(_ packs: [CompiledPack]) -> String {
        var json = JSONWriter()
        json.open()
        json.open("packs", array: true)
        for pack in packs {
            json.open()
            json.string("id", pack.id)
            json.string("version", pack.version)
            json.string("title", pack.title)
            json.string("description", pack.description)
            json.int("rules", pack.rules.count)
            json.number("total_weight", pack.totalWeight)
            JSONReporter.writeThresholds(of: pack, into: &json)
            json.strings("categories", pack.categories)
            json.close()
        }
        json.close(array: true)
        json.close()
        return json.text + "\n"
    }

    /// `{"rules": [...]}`: every loaded rule, in pack order.
    public static func rules(_ rules: [CompiledRule]) -> String {
        var json = JSONWriter()
        json.open()
        json.open("rules", array: true)
        for rule in rules {
            json.open()
            json.string("id", rule.id)
            json.string("pack", rule.pack)
            json.string("title", rule.title)
            json.string("category", rule.category)
            json.string("severity", rule.severity.rawValue)
            json.number("weight", rule.weight)
            json.close()
        }
        json.close(array: true)
        json.close()
        return json.text + "\n"
    }

    /// `{"status": …}`, with the pack versions served or the reason it is not ready.
    public static func status(_ status: String, packs: [String]? = nil, reason: String? = nil) -> String {
        var json = JSONWriter()
        json.open()
        json.string("status", status)
        if let packs { json.strings("packs", packs) }
        if let reason { json.string("reason", reason) }
        json.close()
        return json.text + "\n"
    }

    /// One decision as a JSON Lines record (one line, then a line break), as OPA's
    /// decision logs keep them.
    public static func decisionLine(time: String, requestID: String, route: String, dossierID: String, dossierSHA256: String,
                                    packs: [String], score: Double, worst: Double, band: Band, worstBand: Band,
                                    verdict: String, gate: GateDecision?) -> [UInt8] {
        var json = JSONWriter(pretty: false)
        json.open()
        json.string("time", time)
        json.string("request_id", requestID)
        json.string("route", route)
        json.string("dossier_id", dossierID)
        json.string("dossier_sha256", dossierSHA256)
        json.strings("packs", packs)
        JSONReporter.writeScore(score, worst: worst, band: band, worstBand: worstBand, into: &json)
        json.string("verdict", verdict)
        if let gate {
            json.open("gate")
            json.bool("passed", gate.passed)
            json.strings("reasons", gate.reasons)
            json.strings("warnings", gate.warnings.map(\.text))
            json.close()
        } else {
            json.null("gate")
        }
        json.close()
        return Array((json.text + "\n").utf8)
    }
}
