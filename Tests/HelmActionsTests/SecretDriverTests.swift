import Foundation
import GoCompat
import KubeClient
import KubeModel
import StructuredData
import Testing
@testable import HelmActions

@Suite("Secret driver against the embedded API server")
struct SecretDriverTests {
    @Test("records are Helm Secrets: name, type, labels, double base64, and read back identically")
    func secretShape() async throws {
        try await TestCluster.with { client in
            let driver = SecretDriver(client: client, namespace: "default")
            let text = try ReleaseJSONTests.fixture("release-v1.json")
            var release = try Release(jsonBytes: Array(text.utf8))
            release.namespace = "default"
            release.labels = ["team": "blue"]
            let storage = ReleaseStorage(driver: driver)
            try await storage.create(release)

            let secrets = APIResource(group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true)
            let secret = try await client.get(secrets, namespace: "default", name: "sh.helm.release.v1.demo.v3")
            #expect(secret.raw["type"]?.stringValue == "helm.sh/release.v1")
            var labels = secret.labels
            let removed = labels.removeValue(forKey: "createdAt")
            let createdAt = try #require(removed)
            #expect(Int64(createdAt).map { abs($0 - GoTime.now().unixSeconds) < 60 } == true)
            #expect(labels == ["name": "demo", "owner": "helm", "status": "deployed", "version": "3", "team": "blue"])
            // data.release on the wire: base64(base64(gzip(json))).
            let wire = try #require(secret.raw[path: ["data", "release"]]?.stringValue)
            let inner = try #require(Data(base64Encoded: wire).flatMap { String(data: $0, encoding: .utf8) })
            let gz = try #require(Data(base64Encoded: inner)).map { $0 }
            #expect(String(decoding: try ReleaseCodec.gunzip(gz), as: UTF8.self) == String(decoding: release.jsonBytes(), as: UTF8.self))

            // Another reader (a fresh driver) sees every field; Get hides system labels.
            let reread = try await SecretDriver(client: client, namespace: "default").get("sh.helm.release.v1.demo.v3")
            #expect(reread == release)
            #expect(try await storage.history("demo").first?.labels["owner"] == "helm")

            // Update replaces the label set: createdAt is gone, modifiedAt appears, status follows.
            release.setStatus(.superseded, "Superseded")
            try await storage.update(release)
            let updated = try await client.get(secrets, namespace: "default", name: "sh.helm.release.v1.demo.v3")
            #expect(updated.labels["createdAt"] == nil && updated.labels["modifiedAt"] != nil)
            #expect(updated.labels["status"] == "superseded")
            await #expect(throws: HelmActionsError.noDeployedReleases("demo")) { try await storage.deployed("demo") }

            #expect(try await storage.delete("demo", version: 3).version == 3)
            await #expect(throws: HelmActionsError.releaseNotFound) { try await driver.get("sh.helm.release.v1.demo.v3") }
            await #expect(throws: HelmActionsError.releaseNotFound) { try await storage.last("demo") }
        }
    }

    @Test("a record stored gzip-less by another writer is read, and undecodable Secrets are skipped in lists")
    func foreignRecords() async throws {
        try await TestCluster.with { client in
            let plain = Release(name: "legacy", namespace: "default", version: 1, info: ReleaseInfo(status: .deployed))
            var secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "sh.helm.release.v1.legacy.v1", namespace: "default")
            secret.labels = ["name": "legacy", "owner": "helm", "status": "deployed", "version": "1"]
            secret.raw["type"] = "helm.sh/release.v1"
            let once = Data(plain.jsonBytes()).base64EncodedString()
            secret.raw["data"] = .object(["release": .string(Data(once.utf8).base64EncodedString())])
            _ = try await client.create(secret)
            var junk = secret
            junk.name = "sh.helm.release.v1.legacy.v2"
            junk.labels = ["name": "legacy", "owner": "helm", "status": "failed", "version": "2"]
            junk.raw["data"] = .object(["release": .string(Data("garbage".utf8).base64EncodedString())])
            _ = try await client.create(junk)

            let storage = ReleaseStorage(driver: SecretDriver(client: client, namespace: "default"))
            #expect(try await storage.history("legacy").map(\.version) == [1])
            #expect(try await storage.deployed("legacy").name == "legacy")
        }
    }
}
