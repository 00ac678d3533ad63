import Foundation
import Testing

/// The markdown report is offered for pull-request comments, whose limit is 65,536
/// characters: the real cases must fit the default budget, and any budget must hold.
struct ReportBudgetTests {
    @Test func theRealCasesFitAPullRequestComment() throws {
        let output = try CLIRunner.run(["audit", "Fixtures/projects", "--format", "markdown", "--as-of", "2026-11-29"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.utf8.count < 60_000)
        #expect(!output.stdout.contains("✂"), "the real cases should fit without cutting details")
        let projects = try FileManager.default.contentsOfDirectory(atPath: "Fixtures/projects").filter { $0.hasSuffix(".yaml") }
        #expect(output.stdout.components(separatedBy: "<details>").count - 1 == projects.count, "every project's details")
    }

    @Test("a smaller budget cuts details, least risky first, and says so", arguments: [4_000, 12_000, 25_000])
    func smallerBudgetsHold(_ budget: Int) throws {
        let full = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-budget-\(UUID().uuidString).json").path
        defer { unlink(full) }
        let output = try CLIRunner.run(["audit", "Fixtures/projects", "--format", "markdown", "--as-of", "2026-11-29",
                                        "--rules", "Fixtures/packs/golden", "--max-bytes", String(budget), "--report", "json=\(full)"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.utf8.count <= budget)
        #expect(output.stdout.contains("✂"))
        #expect(output.stdout.contains("the full report is `\(full)`"))
        // The riskiest project keeps its details whenever any project does.
        if output.stdout.contains("<details>") {
            #expect(output.stdout.contains("<details><summary><strong>Safe City, Belgrade</strong>"))
        }
    }
}
