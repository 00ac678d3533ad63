import ArbiterCore
import Foundation
import Testing

struct BatchBehaviourTests {
    /// The real cases copied into a new folder in a shuffled order, so the order the file
    /// system lists them in is not the sorted one.
    static func shuffledCopy(seed: UInt64) throws -> URL {
        let source = CLIRunner.root.appendingPathComponent("Fixtures/projects")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-shuffled-\(UUID().uuidString)/projects")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SplitMix(seed: seed)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path).shuffled(using: &generator) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Separate processes, one and two jobs, over two folders filled in different orders:
    /// the same bytes, so neither threads nor the file system's order reach a report.
    @Test(arguments: ["json", "csv", "text", "sarif"])
    func auditOutputIsIdenticalForOneAndTwoJobs(_ format: String) throws {
        let first = try Self.shuffledCopy(seed: 1), second = try Self.shuffledCopy(seed: 2)
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        let rules = CLIRunner.root.appendingPathComponent("Rules").path
        let one = try CLIRunner.run(["audit", "projects", "--rules", rules, "--format", format, "--as-of", "2026-11-29", "--jobs", "1"],
                                    cwd: first.deletingLastPathComponent().path)
        let two = try CLIRunner.run(["audit", "projects", "--rules", rules, "--format", format, "--as-of", "2026-11-29", "--jobs", "2"],
                                    cwd: second.deletingLastPathComponent().path)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one == two)
        #expect(!one.stdout.isEmpty)
    }

    @Test func outputFileIsWrittenWholeAndReportsToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("out.json").path
        let html = folder.appendingPathComponent("out.html").path
        let result = try CLIRunner.run(["audit", "Fixtures/projects", "--format", "json", "--output", json,
                                        "--report", "html=\(html)", "--as-of", "2026-11-29"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let projects = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.root.appendingPathComponent("Fixtures/projects").path)
            .filter { $0.hasSuffix(".yaml") }.count
        #expect((decoded?["projects"] as? [Any])?.count == projects)
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasSuffix("</html>\n"))
        // No temporary files are left beside the reports.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.html", "out.json"])
    }

    @Test func anInvalidDossierLeavesNoReportBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("out.json").path
        let result = try CLIRunner.run(["score", "Fixtures/cli/typo.yaml", "--format", "json", "--output", json])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func shardsSplitTheFilesWithoutOverlap() throws {
        var ids: [String] = []
        for shard in 1...3 {
            let result = try CLIRunner.run(["audit", "Fixtures/projects", "--format", "csv", "--as-of", "2026-11-29", "--shard", "\(shard)/3"])
            #expect(result.status == 0 || result.stderr.contains("no dossiers"))
            ids += result.stdout.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        }
        let projects = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.root.appendingPathComponent("Fixtures/projects").path)
            .filter { $0.hasSuffix(".yaml") }.count
        #expect(Set(ids).count == projects)
        #expect(ids.count == 2 * projects)  // two packs per project, each project in exactly one shard
    }
}

struct TemplateTests {
    @Test func lintAcceptsTheTemplateOnceItHasAName() throws {
        let template = try CLIRunner.run(["init", "ke-template-test"])
        #expect(template.status == 0)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("template.yaml")
        try Data(template.stdout.utf8).write(to: file)
        let unnamed = try CLIRunner.run(["lint", file.path])
        #expect(unnamed.status == 2)
        #expect(unnamed.stderr.contains("'name' must not be empty"))
        try Data(template.stdout.replacingOccurrences(of: "\nname: \n", with: "\nname: Template test\n").utf8).write(to: file)
        let named = try CLIRunner.run(["lint", file.path])
        #expect(named.status == 0, "\(named.stderr)")
    }

    @Test func schemaIsValidJSONNamingEveryInput() throws {
        let output = try CLIRunner.run(["schema"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let properties = try #require(root["properties"] as? [String: Any])
        for group in ["project", "vendor", "surveillance", "data", "governance", "procurement", "financing", "country_context"] {
            #expect(properties[group] != nil, "\(group)")
        }
        #expect((root["required"] as? [String]) == ["id", "name"])
    }
}
