/// Every problem the checker found in one expression.
public struct ExpressionFailure: Error, Sendable {
    public var errors: [ExpressionError]

    public init(_ errors: [ExpressionError]) {
        self.errors = errors
    }
}
