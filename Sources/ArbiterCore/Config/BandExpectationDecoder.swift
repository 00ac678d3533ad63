/// Reads a `Rules/tests` case file:
/// `cases: [{dossier: PATH, expect: {PACK: BAND or [BANDS]}, reason: TEXT}]`.
/// Dossier paths are relative to the case file.
package struct BandExpectationDecoder: Sendable {
    package init() {}

    package func decode(_ document: Document, knownPacks: Set<String>) -> Result<[BandExpectation], DiagnosticError> {
        var problems = DiagnosticCollector(file: document.file, domain: "test")
        guard var reader = FieldReader(document.root, context: "a test case file", into: &problems) else {
            return .failure(DiagnosticError(problems.diagnostics))
        }
        let items = reader.list("cases", into: &problems)
        reader.reportLeftovers(into: &problems)
        var cases: [BandExpectation] = []
        for item in items ?? [] {
            guard var fields = FieldReader(item, context: "a test case", into: &problems) else { continue }
            let dossier = fields.string("dossier", required: true, into: &problems)
            let reason = fields.string("reason", required: true, into: &problems)
            var bands: [(String, [String])] = []
            if let expect = fields.take("expect") {
                if expect.entries == nil {
                    problems.error("wrong-type", "'expect' must map pack ids to bands, found \(expect.kindDescription)", at: expect.range,
                                   notes: [.hint("write it as {digital-authoritarianism: high}")])
                }
                for entry in expect.entries ?? [] {
                    if !knownPacks.contains(entry.key) {
                        problems.error("unknown-pack", "no loaded pack is called '\(entry.key)'", at: entry.keyRange,
                                       notes: Spelling.hint(for: entry.key, among: knownPacks.sorted()))
                        continue
                    }
                    let names = entry.value.items.map { $0.compactMap(\.string) } ?? entry.value.string.map { [$0] } ?? []
                    let valid = Band.allCases.map(\.rawValue) + [BandExpectation.insufficientData, BandExpectation.notApplicable]
                    if names.isEmpty || !names.allSatisfy(valid.contains) || names.count != (entry.value.items?.count ?? 1) {
                        problems.error("invalid-band", "expected bands must be some of: \(valid.joined(separator: ", "))", at: entry.value.range)
                        continue
                    }
                    bands.append((entry.key, names))
                }
            } else {
                problems.error("missing-field", "a test case needs 'expect'", at: item.range)
            }
            fields.reportLeftovers(into: &problems)
            if let dossier, let reason {
                cases.append(BandExpectation(dossier: dossier, bands: bands, reason: reason, file: document.file, range: item.range))
            }
        }
        if problems.hasErrors { return .failure(DiagnosticError(problems.diagnostics)) }
        return .success(cases)
    }
}
