/// The type of a fact that a pack declares.
package indirect enum InputType: Hashable, Sendable, CustomStringConvertible {
    case bool
    case int
    case number
    case string
    case date
    case country
    case enumeration([String])
    case list(InputType)

    package var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .country: "country"
        case .enumeration(let values): "enum [\(values.joined(separator: ", "))]"
        case .list(let item): "list of \(item)"
        }
    }

    /// The bare type name, as written in a pack's `type:` field.
    package var name: String {
        switch self {
        case .enumeration: "enum"
        case .list: "list"
        default: description
        }
    }

    package var isNumeric: Bool { self == .int || self == .number }
}
