import Foundation
import NIOCore
import NIOPosix
import SharedTestData
import Testing
@testable import FluxCLI

/// A loopback server that answers an SSH client's key exchange with a fixed host key.
private func withFakeSSHServer(hostKeyBlob: [UInt8], _ body: (Int) async throws -> Void) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
    let port = server.channel.localAddress?.port ?? 0
    let task = Task {
        try await server.executeThenClose { clients in
            for try await client in clients {
                try await client.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: "SSH-2.0-FakeServer\r\n"))
                    var kexinit = SSHWriter()
                    kexinit.data.append(20)
                    kexinit.data += Array(repeating: 7, count: 16)
                    for _ in 0..<10 { kexinit.string("x") }
                    kexinit.data += [0, 0, 0, 0, 0]
                    try await outbound.write(SSHHostKeyScanner.packet(kexinit.data))
                    var reply = SSHWriter()
                    reply.data.append(31)
                    reply.bytes(hostKeyBlob)
                    reply.bytes(Array(repeating: 1, count: 32))
                    reply.bytes(Array(repeating: 2, count: 16))
                    try await outbound.write(SSHHostKeyScanner.packet(reply.data))
                    for try await _ in inbound {}
                }
                return
            }
        }
    }
    defer { task.cancel() }
    try await body(port)
}

@Suite("SSH keys and host key scanning for Git secrets")
struct SSHTests {
    @Test("the scanner reads the host key of a key exchange reply, as known_hosts wants it")
    func scan() async throws {
        var blob = SSHWriter()
        blob.string("ecdsa-sha2-nistp256")
        blob.string("nistp256")
        blob.bytes(Array(repeating: 4, count: 65))
        try await withFakeSSHServer(hostKeyBlob: blob.data) { port in
            let key = try await SSHHostKeyScanner(timeout: .seconds(10)).scan(host: "127.0.0.1", port: port)
            #expect(key.type == "ecdsa-sha2-nistp256")
            #expect(key.key == Data(blob.data).base64EncodedString())
            #expect(KnownHosts.line(host: "127.0.0.1", port: port, type: key.type, key: key.key)
                    == "[127.0.0.1]:\(port) ecdsa-sha2-nistp256 \(key.key)")
        }
    }

    @Test("a closed port fails like Go's dial error")
    func refused() async throws {
        await #expect(throws: FluxCLIError("dial tcp 127.0.0.1:1: connect: connection refused")) {
            _ = try await SSHHostKeyScanner(timeout: .seconds(5)).scan(host: "127.0.0.1", port: 1)
        }
    }

    @Test("generated key pairs parse back to the same public key",
          arguments: [SSHKeyAlgorithm.ecdsa(curve: "p256"), .ecdsa(curve: "p384"), .ecdsa(curve: "p521"), .rsa(bits: 2048), .ed25519])
    func generated(algorithm: SSHKeyAlgorithm) throws {
        let pair = try SSHKeys.generate(algorithm)
        #expect(try SSHKeys.publicKey(ofPrivateKey: pair.privateKey, password: "") + "\n" == pair.publicKey)
    }

    @Test("private keys that are not keys are refused with x/crypto/ssh's words", .enabled(if: SharedConformance.isAvailable))
    func badKeys() throws {
        #expect(throws: FluxCLIError("ssh: no key found")) { try SSHKeys.publicKey(ofPrivateKey: "nope", password: "") }
        let encrypted = try String(contentsOfFile: SharedConformance.path("flux-v2.2.0/cli-testdata/create_secret/git/ecdsa-password.private"), encoding: .utf8)
        #expect(throws: FluxCLIError("ssh: this private key is passphrase protected")) {
            try SSHKeys.publicKey(ofPrivateKey: encrypted, password: "")
        }
    }
}
