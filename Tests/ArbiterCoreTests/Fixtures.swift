import ArbiterCore
import ArbiterYAML
import Foundation

/// Locates and loads files under `Fixtures/` for tests, failing loudly on any problem.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relative)))
    }

    static func files(in folder: String, ext: String = "yaml") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(folder).path)
            .filter { $0.hasSuffix("." + ext) }
            .sorted()
            .map { folder + "/" + $0 }
    }

    static func document(_ relative: String) throws -> Document {
        try YAMLLoader().load(file: relative, bytes: bytes(relative)).get()
    }

    /// A schema built from an `inputs:` mapping written the way packs write it.
    static func schema(from inputs: Node, file: String) throws -> InputSchema {
        let range = inputs.range
        func key(_ name: String) -> SourceRange { range }
        let pack = Node(.mapping([
            Node.Entry(key: "pack", keyRange: range, value: Node(.string("fixture"), range: range)),
            Node.Entry(key: "version", keyRange: range, value: Node(.string("1"), range: range)),
            Node.Entry(key: "title", keyRange: range, value: Node(.string("fixture"), range: range)),
            Node.Entry(key: "inputs", keyRange: range, value: inputs),
            Node.Entry(key: "rules", keyRange: range, value: Node(.sequence([]), range: range)),
        ]), range: range)
        let definition = try PackDecoder().decode(Document(file: file, root: pack)).get()
        return try RuleSetCompiler().compile([definition]).get().schema
    }

    /// Loads packs from YAML texts, as `arbiter` would from files.
    static func ruleSet(_ packs: [(String, String)]) -> Result<RuleSet, DiagnosticError> {
        RuleSetLoader().load(packs.map { ($0.0, Array($0.1.utf8)) })
    }
}
