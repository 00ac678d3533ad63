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
        var builder = NodeStoreBuilder()
        let mapping = builder.open(isMapping: true, start: range.start)
        for (key, value) in [("pack", "fixture"), ("version", "1"), ("title", "fixture")] {
            builder.add(child: builder.string(key, range: range))
            builder.add(child: builder.string(value, range: range))
        }
        builder.add(child: builder.string("inputs", range: range))
        builder.add(child: builder.copy(inputs))
        builder.add(child: builder.string("rules", range: range))
        builder.add(child: builder.close(builder.open(isMapping: false, start: range.start), end: range.end))
        // Closed before `finish`: a consuming call takes the builder before its arguments run.
        let root = builder.close(mapping, end: range.end)
        let pack = builder.finish(root: root)
        let definition = try PackDecoder().decode(Document(file: file, root: pack)).get()
        return try RuleSetCompiler().compile([definition]).get().schema
    }

    /// Loads packs from YAML texts, as `arbiter` would from files.
    static func ruleSet(_ packs: [(String, String)]) -> Result<RuleSet, DiagnosticError> {
        RuleSetLoader().load(packs.map { ($0.0, Array($0.1.utf8)) })
    }
}
