/// Every problem the checker found in one expression.
package struct ExpressionFailure: Error, Sendable {
    package var errors: [ExpressionError]

    package init(_ errors: [ExpressionError]) {
        self.errors = errors
    }
}
