import Foundation
import Testing
@testable import HelmActions

@Suite("Release record codec")
struct ReleaseCodecTests {
    static let release = Release(name: "podinfo", namespace: "default", version: 2,
                                 info: ReleaseInfo(firstDeployed: .now(), lastDeployed: .now(), description: "Upgrade complete", status: .deployed),
                                 config: ["replicaCount": 2], manifest: "---\n# Source: x\nkind: A\n")

    @Test("encoding is base64 of gzip with Go's header, and decodes to the same release")
    func roundTrip() throws {
        let encoded = try ReleaseCodec.encode(Self.release)
        let gz = try #require(Data(base64Encoded: encoded)).map { $0 }
        #expect(Array(gz.prefix(10)) == [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
        #expect(try ReleaseCodec.gunzip(gz) == Self.release.jsonBytes())
        #expect(try ReleaseCodec.decode(encoded) == Self.release)
    }

    @Test("gzip-less JSON records decode too")
    func plainJSON() throws {
        let plain = Data(Self.release.jsonBytes()).base64EncodedString()
        #expect(try ReleaseCodec.decode(plain) == Self.release)
    }

    @Test("corrupt records are errors", arguments: ["not base64!", Data([0x1f, 0x8b, 0x08, 0x00, 0x01]).base64EncodedString(), Data("{".utf8).base64EncodedString()])
    func corrupt(text: String) {
        #expect(throws: HelmActionsError.self) { try ReleaseCodec.decode(text) }
    }
}

@Suite("Hostile records")
struct HostileRecordTests {
    /// A small deterministic generator (no Foundation randomness, so failures reproduce).
    struct LCG {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    @Test("mutated records decode or fail cleanly, and whatever decodes re-encodes", arguments: [1, 2, 3, 4])
    func mutations(seed: Int) throws {
        let original = Array(try ReleaseJSONTests.fixture("release-v1.json").utf8)
        var rng = LCG(state: UInt64(seed))
        let alphabet = Array(#"{}[]":,0123456789-.eE tfnul\"#.utf8)
        var decoded = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + rng.next(4)) {
                let i = rng.next(bytes.count)
                switch rng.next(3) {
                case 0: bytes[i] = alphabet[rng.next(alphabet.count)]
                case 1: bytes.remove(at: i)
                default: bytes.insert(alphabet[rng.next(alphabet.count)], at: i)
                }
            }
            if let release = try? Release(jsonBytes: bytes) {
                decoded += 1
                #expect(try Release(jsonBytes: release.jsonBytes()).jsonBytes() == release.jsonBytes())
            }
            let gz = try ReleaseCodec.gzip(bytes)
            _ = try? ReleaseCodec.decode(Data(gz.prefix(gz.count / 2)).base64EncodedString())
        }
        #expect(decoded > 0)
    }
}
