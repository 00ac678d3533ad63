/// Splits a YAML stream into its documents at their `---` and `...` markers, line by
/// line, without parsing: a document with a syntax error cannot hide the ones after it.
///
/// A marker is only a marker at the start of a line, so a line-wise split is exact.
/// Each part keeps its own marker line and is preceded by as many empty lines as came
/// before it, so diagnostics on a part point at lines of the whole stream.
package enum YAMLStream {
    package struct Document: Sendable {
        /// 1 for the first document of the stream.
        package var index: Int
        /// The document's bytes, after blank lines standing in for those before it.
        package var bytes: [UInt8]
        /// The stream line the document starts at.
        package var line: Int
    }

    /// The stream's documents in order; parts with nothing but blanks, comments and
    /// markers are left out, so `---` at the top does not count as a document.
    package static func documents(in bytes: [UInt8]) -> [Document] {
        documents(in: bytes, limit: .max).documents
    }

    /// At most `limit` documents, and how many the stream holds in all. Each document's
    /// padding grows with its place in the stream, so a caller that refuses streams of
    /// more than `limit` documents learns the count without building them all: a
    /// megabyte of tiny documents would otherwise cost hundreds of megabytes.
    package static func documents(in bytes: [UInt8], limit: Int) -> (documents: [Document], count: Int) {
        var documents: [Document] = []
        var count = 0
        var current: [UInt8] = []
        var currentLine = 1
        var hasContent = false
        var hasMarker = false

        func finish() {
            if hasContent {
                count += 1
                if count <= limit {
                    let padding = [UInt8](repeating: UInt8(ascii: "\n"), count: currentLine - 1)
                    documents.append(Document(index: count, bytes: padding + current, line: currentLine))
                }
            }
            current = []
            hasContent = false
            hasMarker = false
        }

        var line = 1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let text = bytes[start..<end]
            let next = min(end + 1, bytes.count)
            // Blank lines, comments and directives before a `---` open the document it
            // starts; an empty document before it is dropped.
            if isMarker(text, "---") && (hasContent || hasMarker) { finish() }
            if current.isEmpty { currentLine = line }
            // Past the limit, documents are only counted.
            if count < limit { current += bytes[start..<next] }
            if isMarker(text, "---") {
                hasMarker = true
                if !isBlank(text.dropFirst(3)) { hasContent = true }
            } else if isMarker(text, "...") {
                finish()
            } else if !isBlank(text) && !(!hasContent && text.first == UInt8(ascii: "%")) {
                hasContent = true
            }
            start = next
            line += 1
        }
        finish()
        return (documents, count)
    }

    /// A marker is the three characters alone on the line or followed by a space or tab.
    private static func isMarker(_ line: ArraySlice<UInt8>, _ marker: StaticString) -> Bool {
        guard line.count >= 3 else { return false }
        let head = Array(line.prefix(3))
        guard head == Array(UnsafeBufferPointer(start: marker.utf8Start, count: 3)) else { return false }
        if line.count == 3 { return true }
        let next = line[line.startIndex + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
    }

    /// Blank, or only a comment.
    private static func isBlank(_ text: ArraySlice<UInt8>) -> Bool {
        for byte in text {
            if byte == UInt8(ascii: "#") { return true }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") { return false }
        }
        return true
    }
}
