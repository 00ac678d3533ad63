import ArbiterCore

/// Failures the CLI reports itself, outside any input file.
enum CLIError: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    case invalid(String, hint: String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "error: cannot write '\(path)': \(reason)"
        case .invalid(let message, let hint): "error: \(message)\n   = hint: \(hint)"
        }
    }
}
