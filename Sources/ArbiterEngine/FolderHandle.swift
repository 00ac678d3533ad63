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

    private var path: String?
    private var descriptor: Int32 = -1

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Opens `file` for reading, relative to its folder's handle when the folder can be
    /// opened, by its whole path otherwise.
    public func open(_ file: String, flags: Int32) -> Int32 {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return Foundation.open(file, flags) }
        let folder = String(file[..<slash])
        let name = String(file[file.utf8.index(after: slash)...])
        if folder != path {
            if descriptor >= 0 { close(descriptor) }
            descriptor = Foundation.open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            path = folder
        }
        guard descriptor >= 0, !name.isEmpty else { return Foundation.open(file, flags) }
        return openat(descriptor, name, flags)
    }
}
