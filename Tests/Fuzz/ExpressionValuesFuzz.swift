import ArbiterCore
import ArbiterYAML

/// libFuzzer entry point over expressions and dossier values together: the input is an
/// expression, a line break, then bytes that pick the facts' values, above all the
/// numbers at the edges (the largest and smallest integers and one past them, huge,
/// tiny, negative and non-finite numbers). A dossier must load or be refused with
/// diagnostics; an expression that checks must evaluate without trapping on it.
let schema: InputSchema = {
    let inputs: [(String, InputType)] = [
        ("a.count", .int), ("a.size", .int), ("a.rate", .number), ("a.share", .number),
        ("a.counts", .list(.int)), ("a.amounts", .list(.number)), ("a.when", .date), ("a.flag", .bool),
    ]
    let declarations = inputs.map { InputDeclaration(path: $0.0, type: $0.1, doc: "fuzz", pack: "fuzz", file: "fuzz", range: .fileStart) }
    return InputSchema.union(declarations).0
}()

let loader = DossierLoader(schema: schema)

let numbers = [
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "0", "-0", "1", "-1",
    "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "1e-400", "1e400", ".inf", "-.inf", ".nan",
    "0.1", "-0.0", "4611686018427387904", "3037000500", "-3037000500", "123456789012345678901234567890", "2.5", "~",
]
let dates = ["2020-02-29", "0001-01-01", "9999-12-31", "1970-01-01", "2026-01-01", "~"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? size
    let expression = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<split]), as: UTF8.self)
    var picks = Array(bytes[min(split + 1, size)...]).makeIterator()
    func number() -> String { numbers[Int(picks.next() ?? 0) % numbers.count] }
    func list() -> String { (0..<Int(picks.next() ?? 0) % 4).map { _ in number() }.joined(separator: ", ") }
    let text = """
        a:
          count: \(number())
          size: \(number())
          rate: \(number())
          share: \(number())
          counts: [\(list())]
          amounts: [\(list())]
          when: \(dates[Int(picks.next() ?? 0) % dates.count])
          flag: \((picks.next() ?? 0) % 2 == 0)
        """
    let facts: Dossier
    switch YAMLLoader().load(file: "values", text: text).flatMap({ loader.decoder.decodeFacts($0.root, file: "values", label: "values") }) {
    case .success(let decoded): facts = decoded
    case .failure(let error):
        precondition(!error.diagnostics.isEmpty, "a refused dossier must say why")
        return 0
    }
    guard case .success(let syntax) = Parser.parse(expression), case .success(let checked) = Checker.check(syntax, schema: schema) else { return 0 }
    _ = Program(checked).evaluate(on: facts, today: CivilDate("2026-01-01")!, stepBudget: 10_000)
    return 0
}
