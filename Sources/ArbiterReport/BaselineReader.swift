import ArbiterCore

/// Reads an earlier JSON report (`--format json`) as a gate baseline: per project, each
/// pack's band and the rules that were fired, unknown or waived.
public enum BaselineReader {
    /// The largest baseline read: a JSON report of tens of thousands of projects.
    public static let fileLimit = 256 << 20

    package static func read(_ bytes: [UInt8], file: String) -> Result<Baseline, DiagnosticError> {
        ReportSnapshotReader.read(bytes, file: file).map { snapshot in
            var entries: [String: Baseline.Project] = [:]
            for project in snapshot.projects {
                var bands: [String: Band] = [:]
                for pack in project.packs {
                    // The gate compares its own gate band; the worst band is the honest
                    // stand-in for a report that did not record one.
                    bands[pack.id] = pack.gateBand ?? pack.worstBand
                }
                entries[project.id] = Baseline.Project(bands: bands, rules: Set(project.packs.flatMap { $0.findings.map(\.rule) }))
            }
            return Baseline(projects: entries)
        }
    }
}
