import Foundation
import Testing

/// ArbiterCore's public surface is a decision, not a by-product: its `public` lines are
/// counted, and a change that adds or removes some updates the number here on purpose.
struct PublicSurfaceTests {
    static let expected = 374

    @Test func thePublicDeclarationsOfArbiterCoreAreCounted() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/ArbiterCore")
        var count = 0
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            count += text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("public ") }.count
        }
        #expect(!files.isEmpty)
        #expect(count == Self.expected, "ArbiterCore has \(count) public lines, not \(Self.expected): if that is meant, change the number")
    }
}
