/// Builds a `Syntax` tree from tokens by recursive descent, one method per precedence
/// level: `or` < `and` < `not` < comparison and `in` < `+ -` < `* /` < unary `-` < primary.
///
/// Depth and node count are bounded, so no input can exhaust the stack or memory.
package struct Parser {
    private let tokens: [Token]
    private let limits: ExpressionLimits
    private var position = 0
    private var depth = 0
    private var nodes = 0

    private init(tokens: [Token], limits: ExpressionLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    package static func parse(_ text: String, limits: ExpressionLimits = ExpressionLimits()) -> Result<Syntax, ExpressionError> {
        let length = text.unicodeScalars.count
        guard length <= limits.maxLength else {
            return .failure(ExpressionError("expr.too-long", "expression is \(length) characters, over the limit of \(limits.maxLength)",
                                            at: 0..<1, hints: ["split the condition into several rules or an 'all:' list"]))
        }
        let tokens: [Token]
        switch Lexer.tokenize(text) {
        case .success(let list): tokens = list
        case .failure(let error): return .failure(error)
        }
        var parser = Parser(tokens: tokens, limits: limits)
        do {
            if parser.peek.kind == .end {
                throw ExpressionError("expr.syntax", "expression is empty", at: 0..<max(length, 1))
            }
            let syntax = try parser.orExpression()
            guard parser.peek.kind == .end else {
                throw ExpressionError("expr.syntax", "unexpected \(parser.peek.describe) after a complete expression",
                                      at: parser.peek.range, hints: ["join conditions with 'and' or 'or'"])
            }
            return .success(syntax)
        } catch let error as ExpressionError {
            return .failure(error)
        } catch {
            return .failure(ExpressionError("expr.syntax", "\(error)", at: 0..<1))
        }
    }

    // MARK: precedence levels

    private mutating func orExpression() throws -> Syntax {
        var left = try andExpression()
        while accept(.keyword(.or)) {
            let right = try andExpression()
            left = try make(.binary(.or, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func andExpression() throws -> Syntax {
        var left = try notExpression()
        while accept(.keyword(.and)) {
            let right = try notExpression()
            left = try make(.binary(.and, left, right), left.range.lowerBound..<right.range.upperBound)
        }
        return left
    }

    private mutating func notExpression() throws -> Syntax {
        let start = peek.range.lowerBound
        if accept(.keyword(.not)) {
            try enter()
            defer { depth -= 1 }
            let operand = try notExpression()
            return try make(.unary(.not, operand), start..<operand.range.upperBound)
        }
        return try comparison()
    }

    private mutating func comparison() throws -> Syntax {
        let left = try additive()
        let operators: [(Token.Kind, Syntax.BinaryOperator)] = [
            (.symbol(.equal), .equal), (.symbol(.notEqual), .notEqual), (.symbol(.less), .less),
            (.symbol(.lessEqual), .lessEqual), (.symbol(.greater), .greater), (.symbol(.greaterEqual), .greaterEqual),
            (.keyword(.in), .in),
        ]
        var negatedIn = false
        if peek.kind == .keyword(.not), tokens[min(position + 1, tokens.count - 1)].kind == .keyword(.in) {
            position += 1
            negatedIn = true
        }
        guard let match = operators.first(where: { $0.0 == peek.kind }) else { return left }
        position += 1
        let right = try additive()
        if operators.contains(where: { $0.0 == peek.kind }) {
            throw ExpressionError("expr.syntax", "comparisons cannot be chained", at: peek.range,
                                  hints: ["write 'a < b and b < c'"])
        }
        let range = left.range.lowerBound..<right.range.upperBound
        let compared = try make(.binary(match.1, left, right), range)
        return negatedIn ? try make(.unary(.not, compared), range) : compared
    }

    private mutating func additive() throws -> Syntax {
        var left = try multiplicative()
        while true {
            let op: Syntax.BinaryOperator
            if accept(.symbol(.plus)) { op = .add } else if accept(.symbol(.minus)) { op = .subtract } else { return left }
            let right = try multiplicative()
            left = try make(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func multiplicative() throws -> Syntax {
        var left = try unary()
        while true {
            let op: Syntax.BinaryOperator
            if accept(.symbol(.star)) { op = .multiply } else if accept(.symbol(.slash)) { op = .divide } else { return left }
            let right = try unary()
            left = try make(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func unary() throws -> Syntax {
        let start = peek.range.lowerBound
        if accept(.symbol(.minus)) {
            try enter()
            defer { depth -= 1 }
            let operand = try unary()
            return try make(.unary(.negate, operand), start..<operand.range.upperBound)
        }
        return try primary()
    }

    private mutating func primary() throws -> Syntax {
        let token = peek
        switch token.kind {
        case .integer(let value):
            position += 1
            return try make(.literal(.int(value)), token.range)
        case .number(let value):
            position += 1
            return try make(.literal(.number(value)), token.range)
        case .string(let text):
            position += 1
            return try make(.literal(.string(text)), token.range)
        case .keyword(.true), .keyword(.false):
            position += 1
            return try make(.literal(.bool(token.kind == .keyword(.true))), token.range)
        case .keyword(.null):
            position += 1
            return try make(.literal(.null), token.range)
        case .symbol(.leftParen):
            position += 1
            try enter()
            defer { depth -= 1 }
            let inner = try orExpression()
            try expect(.symbol(.rightParen), "')' to close the '(' at offset \(token.range.lowerBound)")
            return inner
        case .symbol(.leftBracket):
            return try listLiteral()
        case .identifier(let name):
            position += 1
            if peek.kind == .symbol(.leftParen) { return try call(name, start: token.range) }
            return try path(first: name, start: token.range)
        default:
            throw ExpressionError("expr.syntax", "expected a value, found \(token.describe)", at: token.range.isEmpty ? token.range.lowerBound..<token.range.lowerBound + 1 : token.range)
        }
    }

    private mutating func listLiteral() throws -> Syntax {
        let start = peek.range.lowerBound
        position += 1
        try enter()
        defer { depth -= 1 }
        var items: [Syntax] = []
        if !accept(.symbol(.rightBracket)) {
            repeat {
                items.append(try orExpression())
            } while accept(.symbol(.comma))
            try expect(.symbol(.rightBracket), "']' to close the list")
        }
        return try make(.list(items), start..<tokens[position - 1].range.upperBound)
    }

    private mutating func call(_ name: String, start: Range<Int>) throws -> Syntax {
        position += 1  // (
        try enter()
        defer { depth -= 1 }
        var arguments: [Syntax] = []
        if !accept(.symbol(.rightParen)) {
            repeat {
                arguments.append(try orExpression())
            } while accept(.symbol(.comma))
            try expect(.symbol(.rightParen), "')' to close the call of \(name)")
        }
        return try make(.call(name, arguments), start.lowerBound..<tokens[position - 1].range.upperBound)
    }

    private mutating func path(first: String, start: Range<Int>) throws -> Syntax {
        var components: [Syntax.PathComponent] = [.name(first)]
        var end = start.upperBound
        while true {
            if accept(.symbol(.dot)) {
                guard case .identifier(let name) = peek.kind else {
                    let after = tokens[position - 1].range.upperBound
                    throw ExpressionError("expr.syntax", "expected a field name after '.', found \(peek.describe)", at: peek.range.isEmpty ? after..<after + 1 : peek.range)
                }
                components.append(.name(name))
                end = peek.range.upperBound
                position += 1
            } else if accept(.symbol(.leftBracket)) {
                if accept(.symbol(.star)) {
                    components.append(.all)
                } else if case .integer(let index) = peek.kind {
                    position += 1
                    components.append(.index(index))
                } else {
                    throw ExpressionError("expr.syntax", "expected '*' or an index inside '[ ]', found \(peek.describe)", at: peek.range)
                }
                try expect(.symbol(.rightBracket), "']' after the index")
                end = tokens[position - 1].range.upperBound
            } else {
                return try make(.path(components), start.lowerBound..<end)
            }
        }
    }

    // MARK: helpers

    private var peek: Token { tokens[position] }

    private mutating func accept(_ kind: Token.Kind) -> Bool {
        guard peek.kind == kind else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws {
        guard accept(kind) else {
            let range = peek.range.isEmpty ? peek.range.lowerBound..<peek.range.lowerBound + 1 : peek.range
            throw ExpressionError("expr.syntax", "expected \(what), found \(peek.describe)", at: range)
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > limits.maxDepth {
            throw ExpressionError("expr.too-deep", "expression nests deeper than \(limits.maxDepth) levels",
                                  at: tokens[max(position - 1, 0)].range,
                                  hints: ["split it into simpler conditions"])
        }
    }

    private mutating func make(_ kind: Syntax.Kind, _ range: Range<Int>) throws -> Syntax {
        nodes += 1
        if nodes > limits.maxNodes {
            throw ExpressionError("expr.too-many-nodes", "expression has more than \(limits.maxNodes) parts",
                                  at: range, hints: ["split it into several rules"])
        }
        return Syntax(kind, range: range)
    }
}
