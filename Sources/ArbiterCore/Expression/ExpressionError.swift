/// A problem in an expression, located by scalar offsets inside the expression text.
/// The pack decoder maps the offsets to a line and column of the pack file.
public struct ExpressionError: Error, Hashable, Sendable {
    public var code: String
    public var message: String
    public var offsets: Range<Int>
    public var hints: [String]

    public init(_ code: String, _ message: String, at offsets: Range<Int>, hints: [String] = []) {
        self.code = code
        self.message = message
        self.offsets = offsets
        self.hints = hints
    }
}
