/// A problem in an expression, located by scalar offsets inside the expression text.
/// The pack decoder maps the offsets to a line and column of the pack file.
package struct ExpressionError: Error, Hashable, Sendable {
    package var code: String
    package var message: String
    package var offsets: Range<Int>
    package var hints: [String]

    package init(_ code: String, _ message: String, at offsets: Range<Int>, hints: [String] = []) {
        self.code = code
        self.message = message
        self.offsets = offsets
        self.hints = hints
    }
}
