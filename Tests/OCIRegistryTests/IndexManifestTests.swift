import Foundation
import OCIRegistry
import RegistryTesting
import StructuredData
import Testing

@Suite("Image indexes and Docker schema 2 manifests", .enabled(if: TestTools.haveRegistry), .serialized)
struct IndexManifestTests {
    @Test("an index resolves to the manifest of the requested platform; a missing platform is an error")
    func platforms() async throws {
        try await withRegistry { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let base = try ImageReference(parsing: "\(registry.host)/apps/podinfo")
            let amd = try await pushArtifact(client, base.with(tag: "amd64"), layer: "amd64 layer")
            let arm = try await pushArtifact(client, base.with(tag: "arm64"), layer: "arm64 layer")
            func entry(_ d: Descriptor, _ arch: String, _ variant: String? = nil) -> JSONValue {
                var platform: JSONObject = ["architecture": .string(arch), "os": .string("linux")]
                if let variant { platform["variant"] = .string(variant) }
                return .object(["mediaType": .string(d.mediaType), "digest": .string(d.digest), "size": .int(d.size), "platform": .object(platform)])
            }
            let index = JSONValue.object(["schemaVersion": .int(2), "mediaType": .string(MediaTypes.ociIndex),
                                          "manifests": .array([entry(amd, "amd64"), entry(arm, "arm64", "v8")])])
            let indexRef = base.with(tag: "6.5.3")
            try await client.pushManifest(indexRef, bytes: index.serializedBytes(), mediaType: MediaTypes.ociIndex)
            #expect(try await client.resolve(indexRef).mediaType == MediaTypes.ociIndex)
            #expect(try await client.manifest(indexRef).descriptor.digest == amd.digest)
            let armManifest = try await client.manifest(indexRef, platform: Platform(os: "linux", architecture: "arm64"))
            #expect(armManifest.descriptor.digest == arm.digest)
            let layer = try await client.fetchBlob(indexRef, digest: armManifest.manifest.layers[0].digest, maxSize: 100)
            #expect(String(decoding: layer, as: UTF8.self) == "arm64 layer")
            await #expect(throws: RegistryError(.notFound, "no child with platform linux/s390x in index \(registry.host)/apps/podinfo:6.5.3")) {
                try await client.manifest(indexRef, platform: Platform(os: "linux", architecture: "s390x"))
            }
        }
    }

    @Test("Docker schema 2 manifests are read like OCI manifests")
    func dockerSchema2() async throws {
        try await withRegistry { registry, http in
            let client = try RegistryClient(httpClient: http, options: .init(plainHTTP: true))
            let ref = try ImageReference(parsing: "\(registry.host)/apps/legacy:1.0")
            let config = try await client.pushBlob(ref, bytes: Array("{}".utf8), mediaType: "application/vnd.docker.container.image.v1+json")
            let layer = try await client.pushBlob(ref, bytes: Array("rootfs".utf8), mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip")
            let manifest = Manifest(mediaType: MediaTypes.dockerManifest, config: config, layers: [layer])
            let pushed = try await client.pushManifest(ref, bytes: manifest.bytes, mediaType: MediaTypes.dockerManifest)
            let (fetched, descriptor) = try await client.manifest(ref)
            #expect(descriptor.digest == pushed.digest)
            #expect(descriptor.mediaType == MediaTypes.dockerManifest)
            #expect(fetched.layers.map(\.mediaType) == ["application/vnd.docker.image.rootfs.diff.tar.gzip"])
        }
    }
}
