import ArbiterCore

/// One project's part of a report, as it is written out: text, or bytes a reporter
/// built itself and hands over without a copy.
///
/// A JSON project is about 48 KB; turning the writer's bytes into a `String` had
/// copied them and checked them as UTF-8 for every project, only for the output to
/// take the bytes straight back out.
public struct ReportChunk: Sendable {
    /// Bytes a writer built, owned by the chunk and freed with it.
    final class Bytes: @unchecked Sendable {
        // Written by the reporter before the chunk is made, only read after.
        let buffer: GrowableBuffer<UInt8>

        init(_ buffer: consuming GrowableBuffer<UInt8>) {
            self.buffer = buffer
        }
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
        case .owned(let bytes): bytes.buffer.count == 0
        case .array(let bytes): bytes.isEmpty
        }
    }

    /// Calls `body` with the chunk's UTF-8 bytes.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .text(var text): return text.withUTF8(body)
        case .owned(let bytes): return body(bytes.buffer.run(from: 0, length: bytes.buffer.count))
        case .array(let bytes): return bytes.withUnsafeBufferPointer(body)
        }
    }

    /// The chunk as text.
    public var string: String {
        if case .text(let text) = storage { return text }
        return withBytes { String(decoding: $0, as: UTF8.self) }
    }
}
