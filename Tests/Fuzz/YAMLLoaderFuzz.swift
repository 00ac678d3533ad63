import ArbiterCore
import ArbiterYAML

/// libFuzzer entry point: any bytes must load to a document or to located diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if case .failure(let error) = YAMLLoader().load(file: "fuzz.yaml", bytes: bytes) {
        precondition(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics { precondition(diagnostic.range.start.line >= 1 && diagnostic.range.start.column >= 1) }
    }
    return 0
}
