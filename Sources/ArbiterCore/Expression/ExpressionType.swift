/// The static type of an expression, inferred by the checker.
package indirect enum ExpressionType: Hashable, Sendable, CustomStringConvertible {
    case bool
    case int
    case number
    case string
    case date
    case country
    case enumeration([String])
    case list(ExpressionType)
    /// The `null` literal.
    case null
    /// `[]`, whose item type is not known yet.
    case emptyList
    /// A part that already failed to check; suppresses follow-on errors.
    case invalid

    init(_ input: InputType) {
        switch input {
        case .bool: self = .bool
        case .int: self = .int
        case .number: self = .number
        case .string: self = .string
        case .date: self = .date
        case .country: self = .country
        case .enumeration(let values): self = .enumeration(values)
        case .list(let item): self = .list(ExpressionType(item))
        }
    }

    package var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .country: "country"
        case .enumeration: "enum"
        case .list(let item): "list of \(item)"
        case .null: "null"
        case .emptyList: "empty list"
        case .invalid: "invalid"
        }
    }

    var isNumeric: Bool { self == .int || self == .number || self == .invalid }

    /// Strings, dates, country codes and enum values all compare as text.
    var isText: Bool {
        switch self {
        case .string, .date, .country, .enumeration, .invalid: true
        default: false
        }
    }

    var isList: Bool {
        switch self {
        case .list, .emptyList, .invalid: true
        default: false
        }
    }

    var itemType: ExpressionType {
        switch self {
        case .list(let item): item
        default: .invalid
        }
    }

    /// Whether `==` between the two types can ever be true.
    func isComparable(with other: ExpressionType) -> Bool {
        if self == .invalid || other == .invalid || self == .null || other == .null { return true }
        if isNumeric && other.isNumeric { return true }
        if isText && other.isText { return true }
        if self == .bool && other == .bool { return true }
        if isList && other.isList { return true }
        return false
    }
}
