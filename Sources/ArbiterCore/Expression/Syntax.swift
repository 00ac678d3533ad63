/// The parse tree of an expression. Every node keeps its scalar offsets so later
/// stages can point at the exact text they reject.
public struct Syntax: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case literal(Value)
        case list([Syntax])
        case path([PathComponent])
        case unary(UnaryOperator, Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        case call(String, [Syntax])
    }

    public enum PathComponent: Hashable, Sendable {
        case name(String)
        case all
        case index(Int)
    }

    public enum UnaryOperator: String, Hashable, Sendable {
        case not, negate = "-"
    }

    public enum BinaryOperator: String, Hashable, Sendable {
        case and, or, equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case `in`, add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    public var kind: Kind
    public var range: Range<Int>

    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

extension Syntax.PathComponent {
    /// The dotted spelling of a path, as written in packs: `a.b[*]`, `a.list[0]`.
    static func spell(_ components: [Syntax.PathComponent]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .name(let name): text += text.isEmpty ? name : "." + name
            case .all: text += "[*]"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
