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
        // Bytes, not strings: this runs for every file of an audit, and building each
        // row from thirteen quoted `String`s had cost more than scoring the file.
        var row: [UInt8] = []
        row.reserveCapacity(512)
        // Statuses are read by position: building each finding would retain its rule
        // and facts only to count it.
        for packIndex in project.packs.indices {
            var fired = 0, unknown = 0, waived = 0
            let findings = project.packs[packIndex].findings
            for index in findings.indices {
                switch findings.status(at: index) {
                case .fired: fired += 1
                case .unknown: unknown += 1
                case .waived: waived += 1
                case .passed: break
                }
            }
            let pack = project.packs[packIndex]
            Self.appendText(project.file, to: &row)
            Self.appendText(project.id, to: &row, comma: true)
            Self.appendText(project.name, to: &row, comma: true)
            Self.appendText(pack.pack, to: &row, comma: true)
            Self.appendText(pack.score.scoreText, to: &row, comma: true)
            Self.appendText(pack.score.scoreText, to: &row, comma: true)
            Self.appendText(pack.worst.scoreText, to: &row, comma: true)
            Self.appendText(pack.band.rawValue, to: &row, comma: true)
            Self.appendText(pack.worstBand.rawValue, to: &row, comma: true)
            Self.appendText(Value.format(pack.completeness), to: &row, comma: true)
            Self.appendText(String(fired), to: &row, comma: true)
            Self.appendText(String(unknown), to: &row, comma: true)
            Self.appendText(String(waived), to: &row, comma: true)
            row.append(UInt8(ascii: "\r"))
            row.append(UInt8(ascii: "\n"))
        }
        return String(decoding: row, as: UTF8.self)
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String { "" }

    /// Appends one field, after a comma when `comma` is set. A field is quoted when it
    /// holds a comma, quote or line break; one starting with a formula character gets a
    /// quote mark in front so spreadsheets do not run it.
    private static func appendText(_ field: String, to row: inout [UInt8], comma: Bool = false) {
        if comma { row.append(UInt8(ascii: ",")) }
        var field = field
        field.withUTF8 { bytes in
            let formula = bytes.first.map { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "@") } ?? false
            let guarded = formula && Double(String(decoding: bytes, as: UTF8.self)) == nil
            let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            if quoted { row.append(UInt8(ascii: "\"")) }
            if guarded { row.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { row.append(byte) }
                    row.append(byte)
                }
                row.append(UInt8(ascii: "\""))
            } else {
                row.append(contentsOf: bytes)
            }
        }
    }
}
