import ArbiterCore

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

let facts = SlotTable<Fact>(schema.declarations.map { declaration -> Fact? in
    let value: Value
    switch declaration.type {
    case .bool: value = .bool(true)
    case .int: value = .int(0)
    case .number: value = .number(2.5)
    case .date: value = .string("2020-02-29")
    case .list(.number): value = .list([.number(1), .number(-1)])
    case .list: value = .list([.string("red")])
    default: value = .string("one")
    }
    return declaration.path == "a.rate" ? nil : Fact(value: value, range: .fileStart)
})

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard case .success(let syntax) = Parser.parse(text) else { return 0 }
    guard case .success(let checked) = Checker.check(syntax, schema: schema) else { return 0 }
    _ = Program(checked).evaluate(facts: facts, today: CivilDate("2026-01-01")!, stepBudget: 10_000)
    return 0
}
