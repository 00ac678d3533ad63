/// A path as the file system holds it: bytes, which need not be UTF-8. A file is opened
/// by these bytes; `display` is what messages and reports show, with every byte that is
/// not UTF-8 written as `\xNN`. A Swift string of the name would have replaced such
/// bytes and named a file that does not exist.
public struct RawPath: Hashable, Sendable {
    /// The path to show.
    public let display: String
    /// The bytes when they are not the UTF-8 of `display`; nil in the usual case, so a
    /// walk of ordinary names keeps one string per path.
    private let undecodable: [UInt8]?

    /// A path that is valid UTF-8.
    public init(_ path: String) {
        display = path
        undecodable = nil
    }

    /// A path from its bytes (no terminating NUL).
    public init(bytes: some Collection<UInt8>) {
        if let text = String(validating: bytes, as: UTF8.self) {
            display = text
            undecodable = nil
        } else {
            display = Self.escaped(bytes)
            undecodable = Array(bytes)
        }
    }

    /// `-`, which names standard input.
    public static let standardInput = RawPath("-")

    public var isStandardInput: Bool { self == .standardInput }

    /// Length in bytes, which is what the system's PATH_MAX limits.
    public var byteCount: Int { undecodable?.count ?? display.utf8.count }

    /// `name` inside this folder; `.` is left out, as a user would write the path.
    public func appending(_ name: RawPath) -> RawPath {
        if display == "." && undecodable == nil { return name }
        if undecodable == nil && name.undecodable == nil { return RawPath(display + "/" + name.display) }
        return RawPath(bytes: bytes + [UInt8(ascii: "/")] + name.bytes)
    }

    /// True when the path's bytes end with `suffix`'s.
    public func hasSuffix(_ suffix: String) -> Bool {
        guard let undecodable else { return display.utf8.reversed().starts(with: suffix.utf8.reversed()) }
        return undecodable.reversed().starts(with: suffix.utf8.reversed())
    }

    /// The path's bytes.
    public var bytes: [UInt8] { undecodable ?? Array(display.utf8) }

    /// Calls `body` with the path as a C string, for system calls.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        guard let undecodable else { return try display.withCString(body) }
        return try (undecodable + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The bytes decoded as UTF-8 where they can be, `\xNN` for each byte of a sequence
    /// that cannot.
    private static func escaped(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            case .error(let length):
                for byte in bytes[position..<position + length] {
                    text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
                position += length
            case .emptyInput:
                return text
            }
        }
    }
}
