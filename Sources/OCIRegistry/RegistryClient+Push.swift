import ArtifactStorage
import AsyncHTTPClient
import Foundation
import NIOCore
import SourceHTTP

extension RegistryClient {
    static func pushScope(_ ref: ImageReference) -> [String] { ["repository:\(ref.repository):pull,push"] }

    /// Uploads `bytes` as a blob of `ref`'s repository unless it is already there (`HEAD`
    /// first, then a monolithic `POST` + `PUT ?digest=`), returning its descriptor.
    @discardableResult
    public func pushBlob(_ ref: ImageReference, bytes: [UInt8], mediaType: String) async throws(RegistryError) -> Descriptor {
        let digest = DigestAlgorithm.sha256.digest(bytes).description
        let descriptor = Descriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count))
        let blob = blobURL(ref, digest)
        let head = try await send(RegistryRequest(method: .HEAD, url: blob, registry: ref.registry, scopes: Self.pushScope(ref)))
        if head.status.code == 200 {
            await BodyLimit.discard(head.body)
            return descriptor
        }
        guard head.status.code == 404 else { throw await statusError(head, method: "HEAD", url: blob) }
        await BodyLimit.discard(head.body)

        let start = baseURL(ref.registry) + "/v2/\(ref.repository)/blobs/uploads/"
        let post = try await send(RegistryRequest(method: .POST, url: start, registry: ref.registry, scopes: Self.pushScope(ref), body: []))
        guard post.status.code == 202, let location = post.headers.first(name: "Location") else {
            throw await statusError(post, method: "POST", url: start)
        }
        await BodyLimit.discard(post.body)
        guard let resolved = URL(string: location, relativeTo: URL(string: start))?.absoluteString else {
            throw RegistryError(.invalidResponse, "POST \"\(start)\": invalid upload location \(location)")
        }
        let separator = resolved.contains("?") ? "&" : "?"
        let put = resolved + separator + "digest=" + digest.replacing(":", with: "%3A")
        let response = try await send(RegistryRequest(method: .PUT, url: put, registry: ref.registry, scopes: Self.pushScope(ref),
                                                      headers: [("Content-Type", "application/octet-stream")], body: bytes))
        guard response.status.code == 201 else { throw await statusError(response, method: "PUT", url: put) }
        await BodyLimit.discard(response.body)
        return descriptor
    }

    /// Uploads a manifest document under `ref`'s tag (or digest) and returns its descriptor.
    @discardableResult
    public func pushManifest(_ ref: ImageReference, bytes: [UInt8], mediaType: String) async throws(RegistryError) -> Descriptor {
        let url = manifestURL(ref)
        let response = try await send(RegistryRequest(method: .PUT, url: url, registry: ref.registry, scopes: Self.pushScope(ref),
                                                      headers: [("Content-Type", mediaType)], body: bytes))
        guard response.status.code == 201 else { throw await statusError(response, method: "PUT", url: url) }
        await BodyLimit.discard(response.body)
        return Descriptor(mediaType: mediaType, digest: DigestAlgorithm.sha256.digest(bytes).description, size: Int64(bytes.count))
    }

    /// Pushes an artifact: the config blob, each layer blob, then the manifest under `ref`.
    @discardableResult
    public func push(_ ref: ImageReference, config: (mediaType: String, bytes: [UInt8]), layers: [(mediaType: String, bytes: [UInt8])],
                     annotations: [(key: String, value: String)] = []) async throws(RegistryError) -> Descriptor {
        let configDescriptor = try await pushBlob(ref, bytes: config.bytes, mediaType: config.mediaType)
        var layerDescriptors: [Descriptor] = []
        for layer in layers { layerDescriptors.append(try await pushBlob(ref, bytes: layer.bytes, mediaType: layer.mediaType)) }
        let manifest = Manifest(config: configDescriptor, layers: layerDescriptors, annotations: annotations)
        return try await pushManifest(ref, bytes: manifest.bytes, mediaType: manifest.mediaType)
    }
}
