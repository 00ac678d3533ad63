/// One problem found in an input, with a stable code that tests and scripts can rely on.
///
/// Every stage collects all the diagnostics it can find and returns them together;
/// nothing is thrown for a problem in the user's input.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Extra information attached to a diagnostic: either a located note
    /// ("first defined here") or a bare hint ("did you mean …?").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var file: String?
        public var range: SourceRange?

        public init(_ message: String, file: String? = nil, range: SourceRange? = nil) {
            self.message = message
            self.file = file
            self.range = range
        }

        public static func hint(_ message: String) -> Note { Note(message) }
    }

    public var severity: Severity
    public var code: String
    public var message: String
    public var file: String
    public var range: SourceRange
    public var notes: [Note]
    /// False for a problem with the file as a whole (it cannot be read, it is a folder):
    /// renderers then name the file without inventing a line and column.
    public var hasPosition = true

    public init(
        _ severity: Severity = .error,
        code: String,
        message: String,
        file: String,
        range: SourceRange,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.range = range
        self.notes = notes
    }

    public static func error(_ code: String, _ message: String, file: String, range: SourceRange, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, file: file, range: range, notes: notes)
    }

    /// An error about a file as a whole (it cannot be read, it is a folder), with no line
    /// or column to point at.
    public static func fileError(_ code: String, _ message: String, file: String, notes: [Note] = []) -> Diagnostic {
        var diagnostic = Diagnostic(.error, code: code, message: message, file: file, range: .fileStart, notes: notes)
        diagnostic.hasPosition = false
        return diagnostic
    }

    /// `file:line:column`, or the file alone for a problem with the file as a whole.
    public var location: String {
        hasPosition ? "\(file):\(range.start.line):\(range.start.column)" : file
    }

    public var position: SourcePosition { range.start }

    /// `file:line:column: severity: message [code]`, the one-line form used in logs and tests.
    public var description: String {
        "\(file):\(range.start.line):\(range.start.column): \(severity.rawValue): \(message) [\(code)]"
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, then position, then code, so output is stable.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { lhs, rhs in
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
            return lhs.code < rhs.code
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
