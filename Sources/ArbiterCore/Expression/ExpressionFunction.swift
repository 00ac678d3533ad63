/// The expression language's functions: a closed set, so every switch over them is
/// exhaustive and a new function cannot fall silently into another's case.
package enum ExpressionFunction: String, CaseIterable, Sendable {
    case exists, len, sum, min, max, any, all, matches, lower
    case daysSince = "days_since"

    /// The name as written in an expression.
    package var name: String { rawValue }

    /// How it is called, for hints and `explain`.
    package var usage: String {
        switch self {
        case .exists: "exists(path): true when the fact is set"
        case .len: "len(list or text): number of items or characters"
        case .sum: "sum(list of numbers)"
        case .min: "min(list) or min(a, b, …)"
        case .max: "max(list) or max(a, b, …)"
        case .any: "any(list of bools) or any(list, predicate using 'it')"
        case .all: "all(list of bools) or all(list, predicate using 'it')"
        case .matches: "matches(text, \"pattern\")"
        case .lower: "lower(text)"
        case .daysSince: "days_since(date): days from the date to the evaluation date"
        }
    }

    /// How many arguments it takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .exists, .len, .sum, .lower, .daysSince: 1...1
        case .min, .max: 1...16
        case .any, .all: 1...2
        case .matches: 2...2
        }
    }
}
