import ArbiterCore
internal import CYAML

extension yaml_mark_t {
    /// The mark as a 1-based line and column. libyaml counts from 0 in size_t; a file
    /// within the size limit never overflows.
    var position: SourcePosition {
        SourcePosition(line: Int(truncatingIfNeeded: line) &+ 1, column: Int(truncatingIfNeeded: column) &+ 1)
    }
}

extension SourceRange {
    /// The stretch between two libyaml marks, as the loader and the dossier pump both record it.
    init(_ start: yaml_mark_t, _ end: yaml_mark_t) {
        self.init(ordered: start.position, end.position)
    }
}
