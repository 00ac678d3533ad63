import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 spoken byte for byte over a socket, for requests that URLSession would
/// normalise or refuse to send: doubled slashes, dot segments, absolute-form targets,
/// bodies sent slowly, connections left open.
struct RawHTTP: Sendable {
    let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A connection to the loopback port, with a receive timeout so a test never hangs.
    static func connect(port: Int, timeout: Duration = .seconds(30)) throws -> RawHTTP {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw Failure(description: "connect: \(String(cString: strerror(errno)))")
        }
        let parts = timeout.components
        var limit = timeval(tv_sec: Int(parts.seconds), tv_usec: Int(parts.attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return RawHTTP(descriptor: descriptor)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += sent
        }
    }

    /// Everything until the server closes the connection or the timeout passes. Waits on
    /// a thread of its own: a test blocked in `recv` on the cooperative pool would starve
    /// the in-process server's handlers of the threads they run on.
    func receiveAll() async -> [UInt8] {
        await Self.offPool { receiveAllBlocking() }
    }

    private func receiveAllBlocking() -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += chunk[..<count]
        }
        return received
    }

    /// Bytes until `marker` has arrived (or the connection ends).
    func receive(until marker: String) async -> String {
        await Self.offPool { receiveBlocking(until: marker) }
    }

    private func receiveBlocking(until marker: String) -> String {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        let target = Array(marker.utf8)
        while recv(descriptor, &byte, 1, 0) == 1 {
            received.append(byte)
            if received.count >= target.count, Array(received.suffix(target.count)) == target { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Runs blocking socket work on a new thread and resumes with its result.
    private static func offPool<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    func shutdownWrite() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    func close() {
        Glibc.close(descriptor)
    }

    /// One request on a connection of its own, closed after the answer; the status code
    /// and the whole answer's text.
    static func exchange(port: Int, _ request: String) async throws -> (status: Int, text: String) {
        let connection = try connect(port: port)
        defer { connection.close() }
        try connection.send(request)
        let text = String(decoding: await connection.receiveAll(), as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}
