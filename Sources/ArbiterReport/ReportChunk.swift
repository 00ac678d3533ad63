import ArbiterCore

/// One project's part of a report, as it is written out: text, or bytes a reporter
/// built itself and hands over without a copy.
///
/// A JSON project is about 48 KB; turning the writer's bytes into a `String` had
/// copied them and checked them as UTF-8 for every project, only for the output to
/// take the bytes straight back out.
public struct ReportChunk: Sendable {
    /// Bytes owned by the chunk, freed with it.
    final class Bytes: @unchecked Sendable {
        // Written once by the reporter before the chunk is made, only read after.
        let base: UnsafeMutablePointer<UInt8>
        let count: Int

        init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
            self.base = base
            self.count = count
        }

        deinit { base.deallocate() }
    }

    private enum Storage {
        case text(String)
        case owned(Bytes)
        case array([UInt8])
    }

    private let storage: Storage

    public init(_ text: String) {
        storage = .text(text)
    }

    /// A chunk of UTF-8 bytes.
    public init(utf8 bytes: [UInt8]) {
        storage = .array(bytes)
    }

    init(bytes: Bytes) {
        storage = .owned(bytes)
    }

    public var isEmpty: Bool {
        switch storage {
        case .text(let text): text.isEmpty
        case .owned(let bytes): bytes.count == 0
        case .array(let bytes): bytes.isEmpty
        }
    }

    /// Calls `body` with the chunk's UTF-8 bytes.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .text(var text): return text.withUTF8(body)
        case .owned(let bytes): return body(UnsafeBufferPointer(start: bytes.base, count: bytes.count))
        case .array(let bytes): return bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The chunk as text.
    public var string: String {
        if case .text(let text) = storage { return text }
        return withBytes { String(decoding: $0, as: UTF8.self) }
    }
}
