import ArbiterCore
import ArbiterYAML
import Testing

/// A pack's findings are stored as plain records and built on request; these tests hold
/// the two views to each other, and check that a finding written back (as waivers do)
/// keeps everything it says.
struct FindingListTests {
    static func lists() throws -> [FindingList] {
        let ruleSet = try DecoderErrorTests.samplePack()
        let complete = try EvaluationTests.evaluate(ruleSet: ruleSet)
        let sparse = try EvaluationTests.evaluate("id: s\nname: S\ncountry: RS\n", ruleSet: ruleSet)
        let clean = try EvaluationTests.evaluate(
            "id: c\nname: C\nsurveillance: {facial_recognition: false}\ngovernance: {dpia: {performed: true}}\n", ruleSet: ruleSet)
        let wide = try RuleSetLoader().load([("wide.yaml", Array(ManyReadsTests.pack(reads: 70).utf8))]).get()
        let many = try EvaluationTests.evaluate("id: w\nname: W\nwide:\n  f3: false\n", ruleSet: wide)
        return (complete.packs + sparse.packs + clean.packs + many.packs).map(\.findings)
    }

    @Test func readingByPositionAgreesWithTheBuiltFinding() throws {
        var outcomes: Set<FindingStatus> = []
        for list in try Self.lists() {
            #expect(list.count == list.rules.count)
            for position in list.indices {
                let finding = list[position]
                outcomes.insert(finding.outcome)
                #expect(finding.definition === list.rules[position])
                #expect(list.outcome(at: position) == finding.outcome)
                #expect(list.status(at: position) == finding.status)
                #expect(list.contribution(at: position) == finding.contribution)
                #expect(list.maxContribution(at: position) == finding.maxContribution)
                #expect(list.isDecided(at: position) == finding.isDecided)
                #expect(list.isEnforced(at: position) == finding.isEnforced)
            }
        }
        // The sample covers every evaluated outcome, so the comparisons above mean something.
        #expect(outcomes == [.fired, .passed, .unknown])
    }

    @Test func aFindingWrittenBackSaysTheSameAndKeepsItsWaiver() throws {
        for var list in try Self.lists() {
            let original = list
            guard let position = list.indices.first(where: { list.outcome(at: $0) != .passed }) else { continue }
            var finding = list[position]
            finding.waiver = WaiverMark(state: .applied, reason: "accepted", approvedBy: "board",
                                        expires: CivilDate("2027-01-01")!)
            finding.fault = "a fault kept in the side table"
            list[position] = finding
            #expect(list[position] == finding)
            #expect(list[position].missing == original[position].missing)
            #expect(list[position].evidence == original[position].evidence)
            #expect(list.status(at: position) == .waived)
            #expect(!list.isEnforced(at: position))
            // Every other finding is untouched.
            for other in list.indices where other != position { #expect(list[other] == original[other]) }
            #expect(list != original)
        }
    }

    @Test func missingFactsPastTheSixtyThirdReadSurviveTheRecord() throws {
        let wide = try #require(try Self.lists().last)
        let finding = wide[0]
        #expect(finding.missing.count == 70)
        #expect(finding.missing.last == "wide.size")
        #expect(finding.missing.contains("wide.f69"))
        #expect(!wide.isDecided(at: 0))
    }
}
