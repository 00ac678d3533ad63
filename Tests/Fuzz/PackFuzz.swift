import ArbiterCore
import ArbiterYAML

/// libFuzzer entry point: any pack file must compile or be refused with located
/// diagnostics; a pack that compiles must run its own examples without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch RuleSetLoader().load([("fuzz.yaml", bytes)]) {
    case .success(let ruleSet):
        _ = ExampleCheck.run(ruleSet, asOf: CivilDate("2026-01-01")!)
    case .failure(let error):
        precondition(!error.diagnostics.isEmpty)
    }
    return 0
}
