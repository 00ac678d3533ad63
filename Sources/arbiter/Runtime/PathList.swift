/// File paths packed into one byte buffer with offsets: about 50 bytes a path instead of
/// a separate string object each, so a run over 50,000 dossiers costs little more memory
/// than one over 10,000.
struct PathList: RandomAccessCollection {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    init(_ paths: some Sequence<String>) {
        for path in paths { append(path) }
    }

    mutating func append(_ path: String) {
        bytes.append(contentsOf: path.utf8)
        ends.append(bytes.count)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }
}
