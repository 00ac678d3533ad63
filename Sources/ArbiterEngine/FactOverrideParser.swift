import ArbiterCore
import ArbiterYAML

/// Reads `--set PATH=VALUE` and `--unset PATH` options into fact overrides, checked by
/// the dossier schema as a dossier's facts are. Diagnostics point into the options: the
/// arguments of each flag are the lines of a file named after it, so
/// `--set:2:23` is column 23 of the second `--set`.
public enum FactOverrideParser {
    package static func parse(set: [String], unset: [String], schema: InputSchema) -> Result<[FactOverride], Diagnostics> {
        var overrides: [FactOverride] = []
        var problems: [Diagnostic] = []
        let decoder = DossierDecoder(schema: schema)
        for (index, argument) in set.enumerated() {
            let line = index + 1
            guard let equals = argument.firstIndex(of: "=") else {
                problems.append(.error("option.invalid-set", "--set needs PATH=VALUE, such as governance.legal_basis=statute",
                                       file: "--set", range: SourceRange(at: SourcePosition(line: line, column: 1))))
                continue
            }
            let path = String(argument[..<equals])
            guard let slot = slot(of: path, in: schema, file: "--set", line: line, into: &problems) else { continue }
            // The value is read as YAML where it stands in the option, so columns match.
            let prefix = String(repeating: "\n", count: index) + String(repeating: " ", count: path.utf8.count + 1)
            let text = prefix + argument[argument.index(after: equals)...]
            switch YAMLLoader().load(file: "--set", text: text).flatMap({ decoder.value(of: $0.root, forSlot: slot, file: "--set") }) {
            case .success(let value): overrides.append(FactOverride(path: path, slot: slot, value: value))
            case .failure(let error): problems += error.diagnostics
            }
        }
        for (index, path) in unset.enumerated() {
            guard let slot = slot(of: path, in: schema, file: "--unset", line: index + 1, into: &problems) else { continue }
            overrides.append(FactOverride(path: path, slot: slot, value: nil))
        }
        guard problems.isEmpty else {
            return .failure(Diagnostics(problems, sources: [SourceText(file: "--set", bytes: Array(set.joined(separator: "\n").utf8)),
                                                            SourceText(file: "--unset", bytes: Array(unset.joined(separator: "\n").utf8))]))
        }
        return .success(overrides)
    }

    private static func slot(of path: String, in schema: InputSchema, file: String, line: Int, into problems: inout [Diagnostic]) -> Int? {
        if let slot = schema.slot(of: path) { return slot }
        let range = SourceRange(start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: path.count + 1))
        if schema.isGroup(path) {
            problems.append(.error("option.unknown-fact", "'\(path)' is a group of facts; name one of them", file: file, range: range,
                                   notes: [.hint("facts under it: \(schema.names(under: path).joined(separator: ", "))")]))
        } else {
            problems.append(.error("option.unknown-fact", "no loaded pack declares the fact '\(path)'", file: file, range: range,
                                   notes: Spelling.hint(for: path, among: schema.allPaths)))
        }
        return nil
    }
}
