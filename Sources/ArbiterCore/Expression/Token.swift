/// One lexical unit of an expression, with its scalar offsets in the source text.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case integer(Int)
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Hashable, Sendable {
        case and, or, not, `in`, `true`, `false`, null
    }

    enum Symbol: String, Hashable, Sendable, CaseIterable {
        case dot = ".", comma = ",", leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case plus = "+", minus = "-", star = "*", slash = "/"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    }

    var kind: Kind
    var range: Range<Int>

    var describe: String {
        switch kind {
        case .integer(let value): "'\(value)'"
        case .number(let value): "'\(Value.format(value))'"
        case .string(let text): "string \"\(text)\""
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "end of expression"
        }
    }
}
