import ArbiterCore
import ArbiterReport
import Foundation
import Testing

/// The service's own documents are written like the reports: indented, keys in order,
/// escapes as JSON wants them; a decision-log record is one line.
struct ServiceDocumentTests {
    @Test func aStatusIsIndentedAndEscaped() {
        #expect(ServiceDocument.status("failing", reason: "quote \" slash \\ line\nend \u{1} \u{2028}") == """
            {
              "status": "failing",
              "reason": "quote \\" slash \\\\ line\\nend \\u0001 \\u2028"
            }

            """)
        #expect(ServiceDocument.status("ready", packs: []) == "{\n  \"status\": \"ready\",\n  \"packs\": []\n}\n")
    }

    @Test func aDecisionIsOneLineOfJSON() throws {
        let gate = GateDecision(passed: false, reasons: ["a \"reason\"\nwith a line break"], causes: [.knownRisk])
        let line = ServiceDocument.decisionLine(time: "2026-12-04T00:00:00Z", requestID: "r1", route: "/v1/gate", dossierID: "x",
                                                dossierSHA256: "ab", packs: ["p@1.0.0"], score: 2.5, worst: 10, band: .low,
                                                worstBand: .high, verdict: "low", gate: gate)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasSuffix("}\n") && text.dropLast().contains("\n") == false)
        let entry = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
        #expect(entry["score_range"] as? [Double] == [2.5, 10])
        #expect((entry["gate"] as? [String: Any])?["reasons"] as? [String] == ["a \"reason\"\nwith a line break"])
        #expect(text.hasPrefix("{\"time\":\"2026-12-04T00:00:00Z\",\"request_id\":\"r1\","))
    }
}
