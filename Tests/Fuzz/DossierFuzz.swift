import ArbiterCore
import ArbiterReport
import ArbiterYAML
import Foundation

/// libFuzzer entry point: any dossier must be scored by the shipped packs and rendered
/// in every format, or be refused with located diagnostics. Run from the repository root.
let ruleSet: RuleSet = {
    let files = ["Rules/vocabulary.yaml", "Rules/digital-authoritarianism.yaml", "Rules/debt-risk.yaml"].map { ($0, Array(FileManager.default.contents(atPath: $0)!)) }
    return try! RuleSetLoader().load(files).get()
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = DossierLoader(schema: ruleSet.schema)
    switch loader.load(path: "fuzz.yaml", bytes: bytes) {
    case .success(let dossier):
        let asOf = CivilDate("2026-01-01")!
        var project = Evaluator(ruleSet: ruleSet, asOf: asOf).evaluate(dossier)
        project.gate = Gate.decide(project, policy: GatePolicy(), baseline: nil)
        let context = ReportContext(toolVersion: "fuzz", asOf: asOf, packs: ruleSet.packs, gated: true)
        for format in ReportFormat.allCases { _ = format.reporter.render([project], context: context) }
    case .failure(let error):
        precondition(!error.diagnostics.isEmpty)
    }
    return 0
}
