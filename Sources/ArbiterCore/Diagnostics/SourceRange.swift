/// A half-open stretch of a source file, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    @inlinable
    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }

    /// A range whose ends are already in order, as a parser's marks always are.
    @inlinable
    public init(ordered start: SourcePosition, _ end: SourcePosition) {
        assert(start <= end, "range ends out of order")
        self.start = start
        self.end = end
    }

    /// A range of one scalar at `position`, for errors that point at a single place.
    public init(at position: SourcePosition) {
        self.start = position
        self.end = SourcePosition(line: position.line, column: position.column + 1)
    }

    public static let fileStart = SourceRange(at: .start)

    public var description: String { "\(start)-\(end)" }
}
