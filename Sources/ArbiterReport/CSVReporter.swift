import ArbiterCore

/// One row per project and pack, quoted by RFC 4180, for analysts' spreadsheets.
public struct CSVReporter: Reporter {
    public static let columns = ["file", "id", "name", "pack", "score", "low", "high", "band", "worst_band",
                                 "completeness", "fired", "unknown", "waived"]

    public init() {}

    public func begin(_ context: ReportContext) -> String {
        Self.columns.joined(separator: ",") + "\r\n"
    }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        var out = ""
        for pack in project.packs {
            var fired = 0, unknown = 0, waived = 0
            for finding in pack.findings {
                switch finding.status {
                case .fired: fired += 1
                case .unknown: unknown += 1
                case .waived: waived += 1
                case .passed: break
                }
            }
            let fields = [project.file, project.id, project.name, pack.pack, pack.score.scoreText, pack.score.scoreText,
                          pack.worst.scoreText, pack.band.rawValue, pack.worstBand.rawValue, Value.format(pack.completeness),
                          String(fired), String(unknown), String(waived)]
            out += fields.map(Self.quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String { "" }

    /// Quotes a field when it holds a comma, quote or line break. Fields starting with
    /// a formula character are prefixed with a quote mark so spreadsheets do not run them.
    static func quote(_ field: String) -> String {
        var value = field
        if let first = value.utf8.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@"),
           Double(value) == nil {
            value = "'" + value
        }
        // Checked on bytes: this runs for every field of every row.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return value
        }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
