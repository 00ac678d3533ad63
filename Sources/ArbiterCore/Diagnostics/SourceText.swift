/// The text of a source file, split into lines on demand, so a renderer can quote the
/// line a diagnostic points at.
public struct SourceText: Sendable {
    public let file: String
    private let lines: [Substring]

    public init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public init(file: String, bytes: [UInt8]) {
        self.init(file: file, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return line
    }
}
