/// A finding message with `{expression}` placeholders, compiled once at pack load.
/// `{{` and `}}` stand for literal braces.
public struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case value(Program)
    }

    let parts: [Part]

    init(parts: [Part]) {
        self.parts = parts
    }

    /// Splits a message into text and expression sources with their scalar offsets.
    static func split(_ message: String) -> Result<[(text: String, offset: Int, isExpression: Bool)], ExpressionError> {
        let scalars = Array(message.unicodeScalars)
        // Labelled like the result: an unlabelled array would be converted by a dynamic cast.
        var pieces: [(text: String, offset: Int, isExpression: Bool)] = []
        var text = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" && index + 1 < scalars.count && scalars[index + 1] == "{" {
                text.append("{"); index += 2; continue
            }
            if scalar == "}" && index + 1 < scalars.count && scalars[index + 1] == "}" {
                text.append("}"); index += 2; continue
            }
            if scalar == "}" {
                return .failure(ExpressionError("expr.syntax", "'}' without a matching '{' in the message", at: index..<index + 1,
                                                hints: ["write '}}' for a literal brace"]))
            }
            if scalar == "{" {
                guard let close = scalars[(index + 1)...].firstIndex(of: "}") else {
                    return .failure(ExpressionError("expr.syntax", "'{' is not closed in the message", at: index..<index + 1,
                                                    hints: ["write '{{' for a literal brace"]))
                }
                if !text.isEmpty { pieces.append((String(text), 0, false)); text = String.UnicodeScalarView() }
                var expression = String.UnicodeScalarView()
                // One scalar at a time: the generic `append(contentsOf:)` is far slower.
                for position in (index + 1)..<close { expression.append(scalars[position]) }
                pieces.append((String(expression), index + 1, true))
                index = close + 1
                continue
            }
            text.append(scalar)
            index += 1
        }
        if !text.isEmpty { pieces.append((String(text), 0, false)) }
        return .success(pieces)
    }

    func render(_ context: EvaluationContext) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .value(let program):
                context.resetSteps()
                out += program.run(context).displayText
            }
        }
        return out
    }
}
