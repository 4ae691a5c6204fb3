import Foundation
import Testing
import KubeClient
import KubeModel
import SwiftFluxTesting
#if canImport(Glibc)
import Glibc
#endif

/// Connections that never send a request (or never finish a TLS handshake) are closed, so idle
/// clients cannot exhaust the server's descriptors or memory.
@Suite("Connection limits")
struct ConnectionLimitTests {
    /// Opens a TCP connection to 127.0.0.1:`port` and returns its descriptor (-1 on failure).
    static func connectLoopback(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// True when the peer closed `fd` (a non-blocking peek reads end of file or a reset).
    static func closedByPeer(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test("idle connections and unfinished TLS handshakes are closed while other clients are served")
    func idleFlood() async throws {
        let server = try await TestAPIServer.start { $0.idleTimeout = 1 }
        let port = Int(server.url.split(separator: ":").last ?? "") ?? 0
        let before = Self.residentBytes()
        var sockets: [Int32] = []
        for _ in 0..<500 {
            let fd = Self.connectLoopback(port)
            if fd >= 0 { sockets.append(fd) }
        }
        #expect(sockets.count == 500)
        // A real client is served while the idle ones sit there.
        let listed = try await server.withClient(.https) { client in
            try await client.list(ConfigMap.self, in: .named("kube-system")).count
        }
        #expect(listed == 0)
        let allClosed = await eventually(within: 20) { sockets.allSatisfy(Self.closedByPeer) }
        #expect(allClosed)
        for fd in sockets { close(fd) }
        let after = Self.residentBytes()
        #expect(after - before < 64 << 20, "resident memory grew by \(after - before) bytes")
        await server.stop()
    }
}
