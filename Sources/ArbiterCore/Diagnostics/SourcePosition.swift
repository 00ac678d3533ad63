/// A place in a source file: 1-based line and column, columns counted in Unicode scalars.
///
/// Stored as 32-bit numbers: every YAML node carries two positions, and halving their
/// size keeps documents of thousands of nodes compact. Files are capped far below 2^31
/// lines or columns.
public struct SourcePosition: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    @usableFromInline var storedLine: Int32
    @usableFromInline var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    @inlinable
    public init(line: Int, column: Int) {
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public static let start = SourcePosition(line: 1, column: 1)

    @inlinable
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}
