import Crypto
import Foundation
import NIOCore
import NIOPosix

/// Reads an SSH server's host key the way an SSH client first sees it: version exchange, key
/// exchange offer with Go's host key preference (ECDSA, then RSA, then Ed25519, as
/// `golang.org/x/crypto/ssh` and so flux's `ssh.ScanHostKey` order them), a curve25519 key
/// exchange request, and the host key blob of the server's reply. The connection is closed there
/// (no authentication; like `ssh-keyscan`, the signature is not checked).
public struct SSHHostKeyScanner: HostKeyScanner {
    public var timeout: TimeAmount

    public init(timeout: TimeAmount = .seconds(30)) { self.timeout = timeout }

    static let hostKeyAlgorithms = "ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-256,rsa-sha2-512,ssh-rsa,ssh-ed25519"

    public func scan(host: String, port: Int) async throws(FluxCLIError) -> (type: String, key: String) {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            return try await withThrowingTaskGroup(of: (type: String, key: String).self) { group in
                group.addTask {
                    try await channel.executeThenClose { inbound, outbound in
                        try await exchange(inbound, outbound)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                    throw FluxCLIError("i/o timeout")
                }
                guard let first = try await group.next() else { throw FluxCLIError("no host key") }
                group.cancelAll()
                return first
            }
        } catch let error as FluxCLIError {
            throw error
        } catch {
            let text = "\(error)".lowercased()
            if text.contains("refused") { throw FluxCLIError("dial tcp \(host):\(port): connect: connection refused") }
            throw FluxCLIError("dial tcp \(host):\(port): \(error)")
        }
    }

    private func exchange(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
                          _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws -> (type: String, key: String) {
        try await outbound.write(ByteBuffer(string: "SSH-2.0-Go\r\n"))
        var reader = SSHStreamReader(inbound.makeAsyncIterator())
        while true {
            let line = try await reader.line()
            if line.hasPrefix("SSH-") { break }
        }
        var kexinit = SSHWriter()
        kexinit.data.append(20)
        kexinit.data += (0..<16).map { _ in UInt8.random(in: 0...255) }
        for list in ["curve25519-sha256,curve25519-sha256@libssh.org", Self.hostKeyAlgorithms,
                     "aes128-ctr,aes192-ctr,aes256-ctr", "aes128-ctr,aes192-ctr,aes256-ctr",
                     "hmac-sha2-256,hmac-sha2-512", "hmac-sha2-256,hmac-sha2-512", "none", "none", "", ""] {
            kexinit.string(list)
        }
        kexinit.data += [0, 0, 0, 0, 0]
        try await outbound.write(Self.packet(kexinit.data))
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        var ecdhInit = SSHWriter()
        ecdhInit.data.append(30)
        ecdhInit.bytes(Array(ephemeral.publicKey.rawRepresentation))
        try await outbound.write(Self.packet(ecdhInit.data))
        while true {
            let payload = try await reader.packet()
            guard let type = payload.first else { continue }
            if type == 31 {
                var r = SSHReader(payload)
                r.offset = 1
                guard let blob = r.readBytes() else { throw FluxCLIError("ssh: malformed key exchange reply") }
                var b = SSHReader(blob)
                let keyType = b.readString().map { String(decoding: $0, as: UTF8.self) } ?? ""
                return (keyType, Data(blob).base64EncodedString())
            }
            if type == 1 { throw FluxCLIError("ssh: disconnect, reason: key exchange refused") }
        }
    }

    /// An unencrypted binary packet (RFC 4253 §6) with 4..255 bytes of padding to a multiple of 8.
    static func packet(_ payload: [UInt8]) -> ByteBuffer {
        var padding = 8 - (payload.count + 5) % 8
        if padding < 4 { padding += 8 }
        var w = SSHWriter()
        w.uint32(UInt32(payload.count + padding + 1))
        w.data.append(UInt8(padding))
        w.data += payload
        w.data += (0..<padding).map { _ in UInt8.random(in: 0...255) }
        return ByteBuffer(bytes: w.data)
    }
}

/// Buffered reading of the SSH identification line and unencrypted packets from a byte stream.
struct SSHStreamReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var buffer: [UInt8] = []

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    private mutating func fill() async throws {
        guard let chunk = try await iterator.next() else { throw FluxCLIError("ssh: handshake failed: EOF") }
        buffer += Array(chunk.readableBytesView)
        if buffer.count > 1 << 20 { throw FluxCLIError("ssh: handshake failed: message too large") }
    }

    mutating func line() async throws -> String {
        while true {
            if let index = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<index], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                buffer.removeSubrange(...index)
                return line
            }
            if buffer.count > 8192 { throw FluxCLIError("ssh: overflow reading version string") }
            try await fill()
        }
    }

    mutating func packet() async throws -> [UInt8] {
        while buffer.count < 5 { try await fill() }
        let length = Int(buffer[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        guard length >= 1, length <= 256 * 1024 else { throw FluxCLIError("ssh: packet too large") }
        while buffer.count < 4 + length { try await fill() }
        let padding = Int(buffer[4])
        guard padding < length else { throw FluxCLIError("ssh: invalid packet padding") }
        let payload = Array(buffer[5..<(4 + length - padding)])
        buffer.removeSubrange(..<(4 + length))
        return payload
    }
}
