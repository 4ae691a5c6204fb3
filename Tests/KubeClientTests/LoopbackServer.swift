import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for transport tests: each accepted connection gets the next
/// canned raw response (then the connection closes). Received request heads are recorded.
final class LoopbackServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var received: [String] = []

    var requests: [String] { lock.withLock { received } }

    init(responses: [String]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw KubeTestError("socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else { close(fd); throw KubeTestError("bind/listen failed") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        let thread = Thread { [self] in self.serve(responses) }
        thread.start()
    }

    private func serve(_ responses: [String]) {
        for response in responses {
            let conn = accept(listener, nil, nil)
            guard conn >= 0 else { return }
            var head = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(conn, &buffer, buffer.count)
                if n <= 0 { break }
                head += buffer[0..<n]
                if let r = head.firstRange(of: Array("\r\n\r\n".utf8)) { head = Array(head[..<r.upperBound]); break }
            }
            lock.withLock { received.append(String(decoding: head, as: UTF8.self)) }
            let bytes = Array(response.utf8)
            _ = bytes.withUnsafeBytes { write(conn, $0.baseAddress, bytes.count) }
            close(conn)
        }
        close(listener)
    }

    /// A complete response with a JSON body.
    static func json(_ status: String, _ body: String) -> String {
        "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    /// A chunked response whose chunks are the given lines (each followed by `\n`).
    static func chunked(_ lines: [String]) -> String {
        var s = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        for line in lines {
            let data = line + "\n"
            s += String(data.utf8.count, radix: 16) + "\r\n" + data + "\r\n"
        }
        return s + "0\r\n\r\n"
    }
}

struct KubeTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
