import ArbiterCore
import ArbiterYAML

/// libFuzzer entry point: any text must parse and check to a program or to located
/// errors, and a program that checks must evaluate without trapping.
let schema: InputSchema = {
    let inputs: [(String, InputType)] = [
        ("a.flag", .bool), ("a.count", .int), ("a.rate", .number), ("a.name", .string), ("a.when", .date),
        ("a.country", .country), ("a.mode", .enumeration(["one", "two", "three"])), ("a.tags", .list(.enumeration(["red", "blue"]))),
        ("a.amounts", .list(.number)),
    ]
    let declarations = inputs.map { InputDeclaration(path: $0.0, type: $0.1, doc: "fuzz", pack: "fuzz", file: "fuzz", range: .fileStart) }
    return InputSchema.union(declarations).0
}()

/// Every fact set but `a.rate`, which stays unknown.
let facts: Dossier = {
    let text = """
        a: {flag: true, count: 0, name: one, when: 2020-02-29, country: RS, mode: one, tags: [red], amounts: [1, -1]}
        """
    let document = try! YAMLLoader().load(file: "facts", text: text).get()
    return try! DossierDecoder(schema: schema).decodeFacts(document.root, file: "facts", label: "facts").get()
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard case .success(let syntax) = Parser.parse(text) else { return 0 }
    guard case .success(let checked) = Checker.check(syntax, schema: schema) else { return 0 }
    _ = Program(checked).evaluate(on: facts, today: CivilDate("2026-01-01")!, stepBudget: 10_000)
    return 0
}
