import ArbiterCore
import Foundation

/// Reads a JSON report back into a `ReportSnapshot`, with a located reason when the
/// file is not one.
public enum ReportSnapshotReader {
    public static func read(_ bytes: [UInt8], file: String) -> Result<ReportSnapshot, DiagnosticError> {
        func failure(_ message: String) -> Result<ReportSnapshot, DiagnosticError> {
            .failure(DiagnosticError(.error("report.invalid", message, file: file, range: .fileStart,
                                            notes: [.hint("pass a report written by `arbiter audit --format json` (or score, gate)")])))
        }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return failure("the report is not a JSON object")
        }
        guard let schema = root["schema"] as? Int, schema <= JSONReporter.schemaVersion else {
            return failure("the report has no supported 'schema' number (expected \(JSONReporter.schemaVersion))")
        }
        guard let projectObjects = root["projects"] as? [[String: Any]] else { return failure("the report has no 'projects' list") }
        var headers: [ReportSnapshot.PackHeader] = []
        for pack in root["packs"] as? [[String: Any]] ?? [] {
            guard let id = pack["id"] as? String else { return failure("a pack in the report's header has no 'id'") }
            var bands: BandThresholds?
            if let thresholds = pack["bands"] as? [String: Any], let moderate = number(thresholds["moderate"]),
               let high = number(thresholds["high"]), let critical = number(thresholds["critical"]) {
                bands = BandThresholds(moderate: moderate, high: high, critical: critical)
            }
            var rules: [String: ReportSnapshot.RuleWeight] = [:]
            for (rule, value) in pack["rules"] as? [String: Any] ?? [:] {
                guard let fields = value as? [String: Any], let weight = number(fields["weight"]) else { continue }
                rules[rule] = ReportSnapshot.RuleWeight(severity: fields["severity"] as? String ?? "", weight: weight)
            }
            headers.append(ReportSnapshot.PackHeader(id: id, version: pack["version"] as? String ?? "", bands: bands, rules: rules))
        }
        var projects: [ReportSnapshot.Project] = []
        for project in projectObjects {
            guard let id = project["id"] as? String else { return failure("a project in the report has no 'id'") }
            var packs: [ReportSnapshot.PackVerdict] = []
            for pack in project["packs"] as? [[String: Any]] ?? [] {
                guard let packId = pack["id"] as? String,
                      let band = (pack["band"] as? String).flatMap(Band.init(rawValue:)) else {
                    return failure("project '\(id)' has a pack without an 'id' and a 'band'")
                }
                let score = number(pack["score"]) ?? 0
                let bounds = (pack["score_range"] as? [Any])?.compactMap(number) ?? []
                let range = bounds.count == 2 && bounds[0] <= bounds[1] ? bounds[0]...bounds[1] : score...score
                let findings = (pack["findings"] as? [[String: Any]] ?? []).compactMap { finding -> ReportSnapshot.Finding? in
                    guard let rule = finding["rule"] as? String,
                          let status = (finding["status"] as? String).flatMap(FindingStatus.init(rawValue:)) else { return nil }
                    return ReportSnapshot.Finding(rule: rule, title: finding["title"] as? String ?? rule,
                                                  severity: finding["severity"] as? String ?? "", status: status,
                                                  contribution: number(finding["contribution"]) ?? 0,
                                                  maxContribution: number(finding["max_contribution"]) ?? 0)
                }
                packs.append(ReportSnapshot.PackVerdict(
                    id: packId, version: pack["version"] as? String ?? "", score: score, range: range, band: band,
                    worstBand: (pack["worst_band"] as? String).flatMap(Band.init(rawValue:)) ?? band,
                    verdict: pack["verdict"] as? String ?? band.rawValue,
                    gateBand: (pack["gate_band"] as? String).flatMap(Band.init(rawValue:)), findings: findings))
            }
            projects.append(ReportSnapshot.Project(id: id, name: project["name"] as? String ?? id, packs: packs))
        }
        let errorFiles = (root["errors"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        return .success(ReportSnapshot(schema: schema, asOf: root["as_of"] as? String ?? "", packs: headers, projects: projects,
                                       errorFiles: Array(Set(errorFiles)).sorted()))
    }

    /// JSON numbers arrive as NSNumber; booleans must not pass as 0 and 1.
    private static func number(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !(value is Bool) else { return nil }
        return number.doubleValue
    }
}
