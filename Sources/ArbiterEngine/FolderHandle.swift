import Foundation

/// The open folder a worker last read a file from, so that the next file in it is
/// opened by its name alone (`openat`) rather than by its whole path.
///
/// Every `open` of a full path walks each folder on the way and takes references on
/// their entries; with two workers in the same folders those shared references went
/// back and forth between the cores, and the kernel's share of an audit grew by half.
/// One per worker, never shared.
public final class FolderHandle {
    public init() {}

    private var folder: [UInt8]?
    private var descriptor: Int32 = -1

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Opens `file` for reading, relative to its folder's handle when the folder can be
    /// opened, by its whole path otherwise. Works on the path's bytes, which need not be
    /// UTF-8.
    public func open(_ file: RawPath, flags: Int32) -> Int32 {
        let bytes = file.bytes
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return file.withCString { Foundation.open($0, flags) } }
        let name = bytes[(slash + 1)...]
        if folder.map({ !bytes[..<slash].elementsEqual($0) }) ?? true {
            if descriptor >= 0 { close(descriptor) }
            let path = slash == 0 ? [UInt8(ascii: "/")] : Array(bytes[..<slash])
            descriptor = (path + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { Foundation.open($0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
            }
            folder = Array(bytes[..<slash])
        }
        guard descriptor >= 0, !name.isEmpty else { return file.withCString { Foundation.open($0, flags) } }
        return (Array(name) + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { openat(descriptor, $0.baseAddress!, flags) }
        }
    }
}
