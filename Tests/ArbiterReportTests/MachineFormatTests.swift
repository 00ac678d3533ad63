import ArbiterReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Machine formats are read back by a parser, as their consumers would.
struct MachineFormatTests {
    @Test func jsonHasTheDocumentedKeys() throws {
        let text = try ReportFixture.render(.json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["schema"] as? Int == JSONReporter.schemaVersion)
        #expect((root["arbiter"] as? [String: Any])?["version"] as? String == "0.1.0")
        #expect(root["as_of"] as? String == "2026-01-01")
        let packs = try #require(root["packs"] as? [[String: Any]])
        #expect(packs.first?["id"] as? String == "sample")
        let references = try #require(packs.first?["references"] as? [String: [String: String]])
        #expect(references["ai-act"]?["url"]?.hasPrefix("https://") == true)
        let projects = try #require(root["projects"] as? [[String: Any]])
        #expect(projects.count == 2)
        let first = projects[0]
        for key in ["file", "id", "name", "score", "score_range", "band", "packs", "gate"] { #expect(first[key] != nil, "\(key)") }
        let pack = try #require((first["packs"] as? [[String: Any]])?.first)
        for key in ["id", "score", "score_range", "band", "worst_band", "completeness", "categories", "findings"] { #expect(pack[key] != nil, "\(key)") }
        let findings = try #require(pack["findings"] as? [[String: Any]])
        let statuses = Set(findings.compactMap { $0["status"] as? String })
        #expect(statuses == ["waived", "unknown", "fired"])
        for finding in findings {
            for key in ["rule", "title", "severity", "status", "weight", "contribution", "message", "evidence", "missing", "references", "mitigations"] {
                #expect(finding[key] != nil, "\(key)")
            }
        }
        let evidence = try #require(findings.compactMap { $0["evidence"] as? [[String: Any]] }.first { !$0.isEmpty }?.first)
        for key in ["path", "value", "line", "column", "sources"] { #expect(evidence[key] != nil, "\(key)") }
        let gate = try #require(first["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        let errors = try #require(root["errors"] as? [[String: Any]])
        #expect(errors.first?["line"] as? Int == 3)
        #expect(root["summary"] is [String: Any])
    }

    @Test func sarifHasRequiredPropertiesAndLocatedResults() throws {
        let text = try ReportFixture.render(.sarif)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "arbiter")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 3)
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["help"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] is String)
            #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
            #expect((result["partialFingerprints"] as? [String: String])?.isEmpty == false)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        }
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
        #expect(Set(fingerprints).count == fingerprints.count)
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(name)
        }
    }

    private func parseXML(_ text: String) -> (Bool, [String], String) {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector.elements, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func junitIsWellFormedXML() throws {
        let (ok, elements, error) = parseXML(try ReportFixture.render(.junit))
        #expect(ok, "\(error)")
        #expect(elements.first == "testsuites")
        #expect(elements.filter { $0 == "testsuite" }.count == 3)  // two projects and the invalid input
        #expect(elements.contains("failure"))
        #expect(elements.contains("skipped"))
    }

    @Test func htmlIsWellFormedAndSelfContained() throws {
        let text = try ReportFixture.render(.html)
        let (ok, elements, error) = parseXML(text)
        #expect(ok, "\(error)")
        #expect(elements.contains("svg"))
        #expect(elements.filter { $0 == "title" }.count > 3)  // every chart has a title
        #expect(!text.contains("<script"))
        #expect(!text.contains("<link"))
        #expect(!text.contains("src=\"http"))
    }

    @Test func csvRoundTripsThroughAReader() throws {
        let rows = Self.parseCSV(try ReportFixture.render(.csv))
        #expect(rows.first == CSVReporter.columns)
        #expect(rows.count == 3)
        #expect(rows[1][2] == "Report fixture A, with <markup> & \"quotes\"")
        #expect(rows.dropFirst().allSatisfy { $0.count == CSVReporter.columns.count })
    }

    /// Spreadsheets run a cell that starts with = + - or @; such text gets a quote mark in
    /// front, while negative numbers stay numbers.
    @Test func csvKeepsFormulasFromRunning() throws {
        var built = try ReportFixture.build()
        built.projects[0].name = "=HYPERLINK(\"https://example.org\")"
        built.projects[0].id = "-12.5"
        built.projects[0].file = "@dossier, one.yaml"
        let text = CSVReporter().render(Array(built.projects.prefix(1)), context: built.context)
        let row = try #require(text.split(separator: "\r\n").dropFirst().first)
        #expect(row.hasPrefix("\"'@dossier, one.yaml\",-12.5,\"'=HYPERLINK(\"\"https://example.org\"\")\",sample,"))
        #expect(Self.parseCSV(text)[1][2] == "'=HYPERLINK(\"https://example.org\")")
    }

    /// A strict RFC 4180 reader.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(character) }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
