import ArbiterReport
import Foundation
import Testing

/// Every reporter renders the shared fixture; the output must match the golden file
/// byte for byte. `ARBITER_RECORD=1 swift test` rewrites the golden files.
struct GoldenReportTests {
    static let extensions: [ReportFormat: String] = [
        .text: "txt", .json: "json", .markdown: "md", .sarif: "sarif", .junit: "xml", .csv: "csv", .html: "html", .github: "github.txt",
    ]

    @Test("report matches its golden file", arguments: ReportFormat.allCases)
    func matchesGolden(_ format: ReportFormat) throws {
        let output = try ReportFixture.render(format)
        let path = ReportFixture.root.appendingPathComponent("Fixtures/golden/report.\(Self.extensions[format]!)")
        if ProcessInfo.processInfo.environment["ARBITER_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: path)
            return
        }
        let golden = try String(contentsOf: path, encoding: .utf8)
        #expect(output == golden, "\(format.rawValue) differs from \(path.lastPathComponent); rerun with ARBITER_RECORD=1 if the change is intended")
    }
}
