import Testing
@testable import ArtifactStorage

@Suite("Digests: sha256/384/512, blake3 and go-digest parsing")
struct DigestTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let length: Int
        let hex: String
        var testDescription: String { "\(length) bytes" }
        var input: [UInt8] { (0..<length).map { UInt8($0 % 251) } }
    }

    static let vectors: [Vector] = fixture("blake3-vectors.txt").split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let parts = line.split(separator: " ")
        guard parts.count == 2, let n = Int(parts[0]) else { return nil }
        return Vector(length: n, hex: String(parts[1]))
    }

    @Test("the official BLAKE3 inputs hash to the reference outputs", arguments: vectors)
    func blake3Vectors(_ vector: Vector) {
        var hasher = BLAKE3()
        hasher.update(vector.input)
        #expect(Digest.hex(hasher.finalize(count: 131)) == vector.hex)
        #expect(Digest.hex(BLAKE3.hash(vector.input)) == String(vector.hex.prefix(64)))
    }

    @Test("BLAKE3 fed in uneven pieces equals BLAKE3 fed at once", arguments: [1, 7, 63, 64, 65, 1000, 1024, 4097])
    func blake3Streaming(_ piece: Int) {
        let input = (0..<20_000).map { UInt8(($0 * 7) % 256) }
        var hasher = BLAKE3()
        var index = 0
        while index < input.count {
            hasher.update(input[index..<min(index + piece, input.count)])
            index += piece
        }
        #expect(hasher.finalize() == BLAKE3.hash(input))
    }

    @Test("every algorithm digests 'hello' to its well-known value", arguments: [
        (DigestAlgorithm.sha1, "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"),
        (.sha256, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
        (.sha384, "59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f"),
        (.sha512, "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"),
        (.blake3, "ea8f163db38682925e4491c5e58d4bb3506ef8c14eb78a86e908c5624a67200f"),
    ])
    func wellKnown(_ algorithm: DigestAlgorithm, _ hex: String) {
        let digest = algorithm.digest(Array("hello".utf8))
        #expect(digest.description == "\(algorithm.rawValue):\(hex)")
        #expect(digest.encoded.count == algorithm.size * 2)
    }

    @Test("an unknown --artifact-digest-algo is rejected with source-controller's message")
    func unknownAlgorithm() {
        #expect(throws: ArtifactStorageError(.invalidDigest, "unsupported digest algorithm: md5")) {
            try DigestAlgorithm(name: "md5")
        }
        #expect((try? DigestAlgorithm(name: "blake3")) == .blake3)
    }

    @Test("malformed digests fail with go-digest's wording", arguments: [
        ("", "invalid checksum digest format"),
        ("sha256", "invalid checksum digest format"),
        (":abc", "invalid checksum digest format"),
        ("sha256:", "invalid checksum digest format"),
        ("md5:d41d8cd98f00b204e9800998ecf8427e", "unsupported digest algorithm"),
        ("MD5:d41d8cd98f00b204e9800998ecf8427e", "invalid checksum digest format"),
        ("sha256:abc", "invalid checksum digest length"),
        ("sha256:2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", "invalid checksum digest format"),
    ])
    func malformed(_ text: String, _ message: String) {
        #expect(throws: ArtifactStorageError(.invalidDigest, message)) { try Digest(parsing: text) }
    }

    @Test("a well-formed digest round-trips")
    func roundTrip() throws {
        let text = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        let digest = try Digest(parsing: text)
        #expect(digest.algorithm == .sha256)
        #expect(digest.description == text)
    }
}
