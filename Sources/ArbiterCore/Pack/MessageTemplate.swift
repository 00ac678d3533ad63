/// A finding message with `{expression}` placeholders, compiled once at pack load.
/// `{{` and `}}` stand for literal braces.
package struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case value(Program)
    }

    let parts: [Part]

    init(parts: [Part]) {
        self.parts = parts
    }

    /// Splits a message into text and expression sources with their scalar offsets.
    /// Works on the UTF-8 bytes, counting scalars as it goes for the offsets: braces are
    /// ASCII, and appending one scalar at a time to a string had cost hundreds of
    /// instructions a character at every start-up.
    static func split(_ message: String) -> Result<[(text: String, offset: Int, isExpression: Bool)], ExpressionError> {
        let bytes = Array(message.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        // Labelled like the result: an unlabelled array would be converted by a dynamic cast.
        var pieces: [(text: String, offset: Int, isExpression: Bool)] = []
        var text: [UInt8] = []
        var index = 0
        var scalarIndex = 0
        /// Moves past `count` bytes, counting the scalars that start among them.
        func advance(_ count: Int) {
            for byte in bytes[index..<index + count] where byte & 0xC0 != 0x80 { scalarIndex += 1 }
            index += count
        }
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if (byte == open || byte == close) && next == byte {
                text.append(byte)
                advance(2)
                continue
            }
            if byte == close {
                return .failure(ExpressionError("expr.syntax", "'}' without a matching '{' in the message", at: scalarIndex..<scalarIndex + 1,
                                                hints: ["write '}}' for a literal brace"]))
            }
            if byte == open {
                guard let end = bytes[(index + 1)...].firstIndex(of: close) else {
                    return .failure(ExpressionError("expr.syntax", "'{' is not closed in the message", at: scalarIndex..<scalarIndex + 1,
                                                    hints: ["write '{{' for a literal brace"]))
                }
                if !text.isEmpty {
                    pieces.append((String(decoding: text, as: UTF8.self), 0, false))
                    text.removeAll(keepingCapacity: true)
                }
                advance(1)
                let expressionStart = scalarIndex
                let expression = String(decoding: bytes[index..<end], as: UTF8.self)
                advance(end - index + 1)
                pieces.append((expression, expressionStart, true))
                continue
            }
            text.append(byte)
            advance(1)
        }
        if !text.isEmpty { pieces.append((String(decoding: text, as: UTF8.self), 0, false)) }
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
