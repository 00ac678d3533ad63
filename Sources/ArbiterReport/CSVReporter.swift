import ArbiterCore

/// One row per project and pack, quoted by RFC 4180, for analysts' spreadsheets.
public struct CSVReporter: Reporter {
    public static let columns = ["file", "id", "name", "pack", "score", "low", "high", "band", "worst_band",
                                 "completeness", "fired", "unknown", "waived", "verdict", "not_applicable"]

    public init() {}

    public func begin(_ context: ReportContext) -> String {
        Self.columns.joined(separator: ",") + "\r\n"
    }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        chunk(for: project, context: context).string
    }

    public func chunk(for project: ProjectResult, context: ReportContext) -> ReportChunk {
        // Bytes, not strings: this runs for every file of an audit, and building each
        // row from thirteen quoted `String`s had cost more than scoring the file. Numbers
        // are written as digits in place; scores, completeness and counts never need
        // quoting or a formula guard.
        var row: [UInt8] = []
        row.reserveCapacity(512)
        for packIndex in project.packs.indices {
            let pack = project.packs[packIndex]
            let counts = pack.findings.statusCounts()
            Self.appendText(project.file, to: &row)
            Self.appendText(project.id, to: &row, comma: true)
            Self.appendText(project.name, to: &row, comma: true)
            Self.appendText(pack.pack, to: &row, comma: true)
            Self.appendNumber(pack.score, oneDecimal: true, to: &row)
            Self.appendNumber(pack.score, oneDecimal: true, to: &row)
            Self.appendNumber(pack.worst, oneDecimal: true, to: &row)
            Self.appendText(pack.band.rawValue, to: &row, comma: true)
            Self.appendText(pack.worstBand.rawValue, to: &row, comma: true)
            Self.appendNumber(pack.completeness, oneDecimal: false, to: &row)
            Self.appendCount(counts.fired, to: &row)
            Self.appendCount(counts.unknown, to: &row)
            Self.appendCount(counts.waived, to: &row)
            // The verdict beside the band: a spreadsheet must not read insufficient data as low.
            Self.appendText(pack.verdict, to: &row, comma: true)
            Self.appendCount(counts.notApplicable, to: &row)
            row.append(UInt8(ascii: "\r"))
            row.append(UInt8(ascii: "\n"))
        }
        return ReportChunk(utf8: row)
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String { "" }

    /// Appends one field, after a comma when `comma` is set. A field is quoted when it
    /// holds a comma, quote or line break; one starting with a formula character gets a
    /// quote mark in front so spreadsheets do not run it.
    private static func appendText(_ field: String, to row: inout [UInt8], comma: Bool = false) {
        if comma { row.append(UInt8(ascii: ",")) }
        // Through the string's own bytes where it has them; a copy only for bridged text.
        if field.utf8.withContiguousStorageIfAvailable({ appendField($0, to: &row) }) == nil {
            Array(field.utf8).withUnsafeBufferPointer { appendField($0, to: &row) }
        }
    }

    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to row: inout [UInt8]) {
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

    /// Appends a comma and a whole number.
    private static func appendCount(_ count: Int, to row: inout [UInt8]) {
        appendDigits(to: &row) { DecimalText.write(count, to: $0) }
    }

    /// Appends a comma and a number: scores with one decimal always shown (`40.0`),
    /// other numbers as `Value.format` writes them.
    private static func appendNumber(_ number: Double, oneDecimal: Bool, to row: inout [UInt8]) {
        let value = oneDecimal ? Scoring.oneDecimal(number) : number
        let written = appendDigits(to: &row) { out in
            guard var length = DecimalText.write(value, to: out) else { return 0 }
            if oneDecimal && !UnsafeBufferPointer(start: out, count: length).contains(UInt8(ascii: ".")) {
                out[length] = UInt8(ascii: ".")
                out[length + 1] = UInt8(ascii: "0")
                length += 2
            }
            return length
        }
        // Past what `DecimalText` writes (never for scores or shares): the text form.
        if written == 0 { row.append(contentsOf: (oneDecimal ? value.scoreText : Value.format(value)).utf8) }
    }

    /// Appends a comma and the digits `write` puts in a small buffer on the stack (it
    /// returns their count, at most `DecimalText.maximumLength + 2`), in one append.
    @discardableResult
    private static func appendDigits(to row: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            out[0] = UInt8(ascii: ",")
            let length = write(out + 1)
            row.append(contentsOf: UnsafeBufferPointer(start: out, count: 1 + length))
            return length
        }
    }
}
