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
        // Indices rather than `for pack in`/`for finding in`: this runs for every file of
        // an audit, and copying a finding out of its array retains each of its fields.
        for packIndex in project.packs.indices {
            var fired = 0, unknown = 0, waived = 0
            project.packs[packIndex].findings.withUnsafeBufferPointer { findings in
                for index in findings.indices {
                    switch findings[index].status {
                    case .fired: fired += 1
                    case .unknown: unknown += 1
                    case .waived: waived += 1
                    case .passed: break
                    }
                }
            }
            let pack = project.packs[packIndex]
            let fields = [project.file, project.id, project.name, pack.pack, pack.score.scoreText, pack.score.scoreText,
                          pack.worst.scoreText, pack.band.rawValue, pack.worstBand.rawValue, Value.format(pack.completeness),
                          String(fired), String(unknown), String(waived)]
            for (position, field) in fields.enumerated() {
                if position > 0 { out += "," }
                out += Self.quote(field)
            }
            out += "\r\n"
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
