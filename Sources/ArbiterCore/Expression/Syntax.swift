/// The parse tree of an expression. Every node keeps its scalar offsets so later
/// stages can point at the exact text they reject.
package struct Syntax: Hashable, Sendable {
    package indirect enum Kind: Hashable, Sendable {
        case literal(Value)
        case list([Syntax])
        case path([PathComponent])
        case unary(UnaryOperator, Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        case call(String, [Syntax])
    }

    package enum PathComponent: Hashable, Sendable {
        case name(String)
        case all
        case index(Int)
    }

    package enum UnaryOperator: String, Hashable, Sendable {
        case not, negate = "-"
    }

    package enum BinaryOperator: String, Hashable, Sendable {
        case and, or, equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case `in`, add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    package var kind: Kind
    package var range: Range<Int>

    package init(_ kind: Kind, range: Range<Int>) {
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
