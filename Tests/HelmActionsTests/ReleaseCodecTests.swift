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
        #expect(Array(gz.prefix(10)) == [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x02, 0xff])
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
