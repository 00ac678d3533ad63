/// The checked form of an expression: types inferred, paths resolved to schema slots,
/// regular expressions compiled. The program is built from this tree.
indirect enum TypedExpression: Sendable {
    case literal(Value)
    case list([TypedExpression])
    case fact(slot: Int)
    case element(slot: Int, index: Int)
    /// The item bound by `any(list, predicate)` or `all(list, predicate)`.
    case boundItem
    case not(TypedExpression)
    case negate(TypedExpression)
    case and(TypedExpression, TypedExpression)
    case or(TypedExpression, TypedExpression)
    case compare(Syntax.BinaryOperator, TypedExpression, TypedExpression)
    case isNull(TypedExpression)
    case contains(element: TypedExpression, list: TypedExpression)
    case arithmetic(Syntax.BinaryOperator, TypedExpression, TypedExpression, integer: Bool)
    case exists([Int])
    case length(TypedExpression)
    case sum(TypedExpression, integer: Bool)
    case extremum(isMinimum: Bool, [TypedExpression], overList: Bool, integer: Bool)
    case quantifier(isAny: Bool, TypedExpression, predicate: TypedExpression?)
    case matches(TypedExpression, SafePattern)
    case lower(TypedExpression)
    case daysSince(TypedExpression)
}
