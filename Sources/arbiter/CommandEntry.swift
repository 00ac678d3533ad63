import ArbiterCore
import ArgumentParser
import Foundation

/// The program's entry: a mistyped command would otherwise read as "2 unexpected
/// arguments", so it is named, with the nearest command, before the parser sees it.
@main
enum CommandEntry {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names = Arbiter.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) {
            let hint = Spelling.suggestion(for: first, among: names).map { "did you mean '\($0)'?" }
                ?? "commands: " + names.filter { $0 != "help" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("error: '\(first)' is not an arbiter command\n   = hint: \(hint)\n".utf8))
            exit(ExitCode.validationFailure.rawValue)
        }
        Arbiter.main()
    }
}
