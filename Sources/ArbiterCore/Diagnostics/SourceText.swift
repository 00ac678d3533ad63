/// The text of a source file, so a renderer can quote the line a diagnostic points at.
///
/// Keeps the bytes and where each line starts, found by one scan for line breaks; a
/// line is decoded only when it is quoted. Every pack file gets one of these at load,
/// so building it must cost next to nothing.
public struct SourceText: Sendable {
    public let file: String
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    public init(file: String, text: String) {
        self.init(file: file, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        guard start <= end else { return "" }
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
