import ArbiterCore
import Foundation

/// Reads an earlier JSON report (`--format json`) as a gate baseline: per project, each
/// pack's band and the rules that were fired, unknown or waived.
public enum BaselineReader {
    public static func read(_ bytes: [UInt8], file: String) -> Result<Baseline, DiagnosticError> {
        func failure(_ message: String) -> Result<Baseline, DiagnosticError> {
            .failure(DiagnosticError(.error("baseline.invalid", message, file: file, range: .fileStart,
                                            notes: [.hint("pass a report written by `arbiter audit --format json`")])))
        }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return failure("the baseline is not a JSON object")
        }
        guard let schema = root["schema"] as? Int, schema <= JSONReporter.schemaVersion else {
            return failure("the baseline has no supported 'schema' number (expected \(JSONReporter.schemaVersion))")
        }
        guard let projects = root["projects"] as? [[String: Any]] else { return failure("the baseline has no 'projects' list") }
        var entries: [String: Baseline.Project] = [:]
        for project in projects {
            guard let id = project["id"] as? String else { return failure("a baseline project has no 'id'") }
            var bands: [String: Band] = [:]
            var rules: Set<String> = []
            for pack in project["packs"] as? [[String: Any]] ?? [] {
                guard let packId = pack["id"] as? String else { continue }
                // The gate compares its own gate band; the worst band is the honest stand-in
                // for a report that did not record one.
                if let text = (pack["gate_band"] ?? pack["worst_band"] ?? pack["band"]) as? String, let band = Band(rawValue: text) {
                    bands[packId] = band
                }
                for finding in pack["findings"] as? [[String: Any]] ?? [] {
                    if let rule = finding["rule"] as? String { rules.insert(rule) }
                }
            }
            entries[id] = Baseline.Project(bands: bands, rules: rules)
        }
        return .success(Baseline(projects: entries))
    }
}
