/// Splits expression text into tokens. Offsets count Unicode scalars, matching the
/// way diagnostics count columns.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokenize(_ text: String) -> Result<[Token], ExpressionError> {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            switch lexer.next() {
            case .success(let token):
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            case .failure(let error):
                return .failure(error)
            }
        }
    }

    private mutating func next() -> Result<Token, ExpressionError> {
        while index < scalars.count, isWhitespace(scalars[index]) { index += 1 }
        let start = index
        guard index < scalars.count else { return .success(Token(kind: .end, range: start..<start)) }
        let scalar = scalars[index]

        if isDigit(scalar) { return number(from: start) }
        if isIdentifierStart(scalar) {
            while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
            let word = ascii(start..<index)
            // No keyword is longer than five letters; longer words skip the lookup.
            let keyword = index - start <= 5 ? Token.Keyword(rawValue: word) : nil
            let kind: Token.Kind = keyword.map { .keyword($0) } ?? .identifier(word)
            return .success(Token(kind: kind, range: start..<index))
        }
        if scalar == "\"" || scalar == "'" { return string(from: start, quote: scalar) }

        // Symbols by direct comparison: this runs for every token of every rule at load.
        let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
        let twoCharacter: Token.Symbol? = switch (scalar, next) {
        case ("=", "="): .equal
        case ("!", "="): .notEqual
        case ("<", "="): .lessEqual
        case (">", "="): .greaterEqual
        default: nil
        }
        if let twoCharacter {
            index += 2
            return .success(Token(kind: .symbol(twoCharacter), range: start..<index))
        }
        let single: Token.Symbol? = switch scalar {
        case ".": .dot
        case ",": .comma
        case "(": .leftParen
        case ")": .rightParen
        case "[": .leftBracket
        case "]": .rightBracket
        case "+": .plus
        case "-": .minus
        case "*": .star
        case "/": .slash
        case "<": .less
        case ">": .greater
        default: nil
        }
        if let single {
            index += 1
            return .success(Token(kind: .symbol(single), range: start..<index))
        }
        let hints: [String] = switch scalar {
        case "=": ["use '==' to compare"]
        case "&", "|": ["use 'and' and 'or'"]
        case "!": ["use 'not', or '!=' to compare"]
        default: []
        }
        return .failure(ExpressionError("expr.syntax", "unexpected character '\(scalar)'", at: start..<start + 1, hints: hints))
    }

    private mutating func number(from start: Int) -> Result<Token, ExpressionError> {
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        var isReal = false
        if index + 1 < scalars.count, scalars[index] == ".", isDigit(scalars[index + 1]) {
            isReal = true
            index += 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var probe = index + 1
            if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
            if probe < scalars.count, isDigit(scalars[probe]) {
                isReal = true
                index = probe
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            }
        }
        if index < scalars.count, isIdentifierStart(scalars[index]) {
            return .failure(ExpressionError("expr.syntax", "a number cannot run into a name", at: start..<index + 1))
        }
        let text = ascii(start..<index)
        if !isReal, let integer = Int(text) { return .success(Token(kind: .integer(integer), range: start..<index)) }
        guard let real = Double(text), real.isFinite else {
            return .failure(ExpressionError("expr.syntax", "number '\(text)' is out of range", at: start..<index))
        }
        return .success(Token(kind: .number(real), range: start..<index))
    }

    private mutating func string(from start: Int, quote: Unicode.Scalar) -> Result<Token, ExpressionError> {
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == quote {
                index += 1
                return .success(Token(kind: .string(String(text)), range: start..<index))
            }
            if scalar == "\\" {
                guard index + 1 < scalars.count else { break }
                let escaped = scalars[index + 1]
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\\", "\"", "'": text.append(escaped)
                default:
                    return .failure(ExpressionError("expr.syntax", "unknown escape '\\\(escaped)' in a string",
                                                    at: index..<index + 2, hints: ["write '\\\\' for a backslash"]))
                }
                index += 2
                continue
            }
            text.append(scalar)
            index += 1
        }
        return .failure(ExpressionError("expr.syntax", "string is not closed", at: start..<scalars.count,
                                        hints: ["end the string with \(quote)"]))
    }

    /// Identifiers and numbers are ASCII by construction. Building their text from bytes
    /// avoids the generic scalar-view append, which cost thousands of instructions a word.
    private func ascii(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, position) in range.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalars[position].value) }
            return range.count
        }
    }

    /// ASCII blanks directly; Unicode's whitespace property (a table lookup that cost more
    /// than the rest of the lexer) only for other scalars.
    private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }
}
