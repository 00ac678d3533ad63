import ArbiterCore
import ArbiterYAML
import Testing

/// Every scalar form of the YAML 1.2 core schema, as the loader resolves it.
struct ScalarResolutionTests {
    static let cases: [(String, Node.Value)] = [
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("tRUE", .string("tRUE")),
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null), ("nULL", .string("nULL")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+8", .int(8)), ("007", .int(7)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)), ("0o8", .string("0o8")), ("0xg", .string("0xg")),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("1.5", .float(1.5)), ("-0.25", .float(-0.25)), (".5", .float(0.5)), ("1.", .float(1)),
        ("1e3", .float(1000)), ("2.5E-2", .float(0.025)), ("+1.0e+2", .float(100)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("+.INF", .float(.infinity)),
        ("1e", .string("1e")), (".", .string(".")), ("-x", .string("-x")), ("1.2.3", .string("1.2.3")),
        ("2019-03-29", .string("2019-03-29")), ("1_000", .string("1_000")), ("0b101", .string("0b101")),
        ("hello world", .string("hello world")), ("Ünïcödé", .string("Ünïcödé")),
        ("'true'", .string("true")), ("\"42\"", .string("42")), ("'null'", .string("null")), ("\"\"", .string("")),
        ("!!str 42", .string("42")), ("!!int \"42\"", .int(42)), ("!!float 3", .float(3)),
        ("!!bool true", .bool(true)), ("!!null ~", .null), ("! 12", .string("12")),
    ]

    @Test("plain, quoted and tagged scalars resolve by the core schema", arguments: cases)
    func resolves(source: String, expected: Node.Value) throws {
        let document = try YAMLLoader().load(file: "t.yaml", text: "value: \(source)\n").get()
        let value = try #require(document.root["value"])
        #expect(value.value == expected, "\(source)")
    }

    @Test func nanIsAFloat() throws {
        let document = try YAMLLoader().load(file: "t.yaml", text: "a: .nan\nb: .NaN\n").get()
        for key in ["a", "b"] {
            guard case .float(let number) = document.root[key]?.value else {
                Issue.record("\(key) is not a float")
                continue
            }
            #expect(number.isNaN)
        }
    }

    @Test func emptyFileIsANullDocument() throws {
        let document = try YAMLLoader().load(file: "t.yaml", text: "# only a comment\n").get()
        #expect(document.root.isNull)
    }
}
