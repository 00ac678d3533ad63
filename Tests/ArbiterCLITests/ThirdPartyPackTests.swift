import Foundation
import Testing

/// A pack of one's own that reads the shipped vocabulary (`vocabulary: dossier@1`) loads
/// on its own, as a program finds its standard library.
struct ThirdPartyPackTests {
    static let pack = """
        pack: their-pack
        version: 0.1.0
        title: A pack of someone else's
        description: One rule over the shipped vocabulary.
        vocabulary: dossier@1 # the shipped one
        bands: {moderate: 5, high: 10, critical: 20}
        references:
          ai-act: {title: "Regulation (EU) 2024/1689 (AI Act), Article 5", url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"}
        rules:
          - id: TP-001
            title: Facial recognition is installed
            category: biometric
            severity: high
            weight: 10
            when: surveillance.facial_recognition
            message: facial recognition is installed
            rationale: Article 5 of the AI Act restricts remote biometric identification.
            references: [ai-act]
        """

    @Test func findsTheShippedVocabularyWithoutBeingTold() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-their-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("their-pack.yaml").path
        try Self.pack.write(toFile: path, atomically: true, encoding: .utf8)
        let output = try CLIRunner.run(["score", CLIRunner.root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml").path, "--rules", path, "--format", "json",
                                        "--as-of", "2026-11-29"], cwd: folder.path)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\"TP-001\""))
    }
}
