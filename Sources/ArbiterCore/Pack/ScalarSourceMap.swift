/// Maps an offset inside a YAML scalar's text to a line and column of the file, so an
/// error in an expression points at the exact character, as cel-go's policy package does.
///
/// Single-line scalars map directly. Block scalars (`|`, `>`) and multi-line flow
/// scalars are mapped line by line through the file's text when it is available.
/// Escape sequences in double-quoted scalars are not unfolded: columns after an
/// escape may be off by its length.
struct ScalarSourceMap {
    private struct Segment {
        var offset: Int
        var line: Int
        var column: Int
    }

    private var segments: [Segment] = []

    init(node: Node, source: SourceText?) {
        let start = node.range.start
        let quoted = node.style == .singleQuoted || node.style == .doubleQuoted
        switch node.style {
        case .literal, .folded:
            guard let source else { break }
            var line = start.line + 1
            var offset = 0
            var indent: Int?
            while let text = source.line(line), line <= node.range.end.line {
                let scalars = Array(text.unicodeScalars)
                let leading = scalars.prefix { $0 == " " }.count
                if leading < scalars.count {
                    if indent == nil { indent = leading }
                    if leading < indent! { break }
                }
                let used = indent ?? leading
                segments.append(Segment(offset: offset, line: line, column: used + 1))
                offset += max(0, scalars.count - used) + 1
                line += 1
            }
        default:
            segments.append(Segment(offset: 0, line: start.line, column: start.column + (quoted ? 1 : 0)))
            guard node.range.end.line > start.line, let source, let first = source.line(start.line) else { break }
            var offset = first.unicodeScalars.count - (start.column - 1) - (quoted ? 1 : 0) + 1
            for line in (start.line + 1)...node.range.end.line {
                guard let text = source.line(line) else { break }
                let scalars = Array(text.unicodeScalars)
                let leading = scalars.prefix { $0 == " " || $0 == "\t" }.count
                segments.append(Segment(offset: offset, line: line, column: leading + 1))
                offset += scalars.count - leading + 1
            }
        }
        if segments.isEmpty { segments = [Segment(offset: 0, line: start.line, column: start.column)] }
    }

    func position(of offset: Int) -> SourcePosition {
        var chosen = segments[0]
        for segment in segments where segment.offset <= offset { chosen = segment }
        return SourcePosition(line: chosen.line, column: chosen.column + (offset - chosen.offset))
    }

    func range(of offsets: Range<Int>) -> SourceRange {
        let start = position(of: offsets.lowerBound)
        let end = position(of: max(offsets.upperBound, offsets.lowerBound + 1))
        return SourceRange(start: start, end: end.line == start.line ? end : SourcePosition(line: start.line, column: start.column + 1))
    }
}
