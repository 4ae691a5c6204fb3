import ArtifactStorage
import AsyncHTTPClient
import NIOCore
import SourceHTTP

extension RegistryClient {
    func manifestURL(_ ref: ImageReference, _ identifier: String? = nil) -> String {
        baseURL(ref.registry) + "/v2/\(ref.repository)/manifests/\(identifier ?? ref.identifier)"
    }

    static func pullScope(_ ref: ImageReference) -> [String] { ["repository:\(ref.repository):pull"] }

    /// The descriptor `ref` points at: `HEAD` on the manifest (its `Docker-Content-Digest`),
    /// falling back to `GET` and hashing the body, as source-controller resolves OCI revisions.
    public func resolve(_ ref: ImageReference, accept: [String] = MediaTypes.allManifests) async throws(RegistryError) -> Descriptor {
        let url = manifestURL(ref)
        let head = try await send(RegistryRequest(method: .HEAD, url: url, registry: ref.registry, scopes: Self.pullScope(ref),
                                                  headers: [("Accept", accept.joined(separator: ", "))]))
        if head.status.code == 200, let digest = head.headers.first(name: "Docker-Content-Digest"),
           let size = head.headers.first(name: "Content-Length").flatMap(Int64.init) {
            await BodyLimit.discard(head.body)
            let mediaType = head.headers.first(name: "Content-Type") ?? MediaTypes.ociManifest
            if let expected = ref.digest, expected != digest {
                throw RegistryError(.digestMismatch, "manifest digest \(digest) does not match reference \(ref.name)")
            }
            return Descriptor(mediaType: mediaType, digest: digest, size: size)
        }
        await BodyLimit.discard(head.body)
        return try await fetchManifest(ref, accept: accept).descriptor
    }

    /// The raw manifest (or index) `ref` names, its verified descriptor and media type. A
    /// digest reference must match the content; a tag's `Docker-Content-Digest`, when sent,
    /// must too.
    public func fetchManifest(_ ref: ImageReference, accept: [String] = MediaTypes.allManifests) async throws(RegistryError) -> (bytes: [UInt8], descriptor: Descriptor) {
        let url = manifestURL(ref)
        let response = try await send(RegistryRequest(method: .GET, url: url, registry: ref.registry, scopes: Self.pullScope(ref),
                                                      headers: [("Accept", accept.joined(separator: ", "))]))
        guard response.status.code == 200 else { throw await statusError(response, method: "GET", url: url) }
        let bytes: [UInt8]
        do { bytes = try await BodyLimit.collect(response.body, limit: options.maxMetadataSize, what: "manifest \(ref.name)") } catch {
            throw RegistryError(.sizeLimit, "\(error)")
        }
        let mediaType = response.headers.first(name: "Content-Type")?.split(separator: ";").first.map(String.init) ?? ""
        let expected = ref.digest ?? response.headers.first(name: "Docker-Content-Digest")
        let algorithm = expected.flatMap { try? Digest(parsing: $0).algorithm } ?? .sha256
        let digest = algorithm.digest(bytes).description
        if let expected, expected != digest, (try? Digest(parsing: expected)) != nil {
            throw RegistryError(.digestMismatch, "GET \"\(url)\": manifest digest mismatch: expected \(expected), got \(digest)")
        }
        let documentType = Self.documentMediaType(bytes) ?? mediaType
        return (bytes, Descriptor(mediaType: documentType, digest: digest, size: Int64(bytes.count)))
    }

    /// The image manifest of `ref`; an index is resolved to the entry for `platform`.
    /// - Throws: `.notFound` "no child with platform <p> in index <ref>" when none matches.
    public func manifest(_ ref: ImageReference, platform: Platform = .linuxAMD64) async throws(RegistryError) -> (manifest: Manifest, descriptor: Descriptor) {
        let (bytes, descriptor) = try await fetchManifest(ref)
        if descriptor.mediaType == MediaTypes.ociIndex || descriptor.mediaType == MediaTypes.dockerManifestList {
            let index = try ImageIndex(bytes: bytes, mediaType: descriptor.mediaType)
            guard let child = index.manifest(for: platform) else {
                throw RegistryError(.notFound, "no child with platform \(platform) in index \(ref.name)")
            }
            let (childBytes, childDescriptor) = try await fetchManifest(ref.with(digest: child.digest))
            return (try Manifest(bytes: childBytes, mediaType: childDescriptor.mediaType), childDescriptor)
        }
        return (try Manifest(bytes: bytes, mediaType: descriptor.mediaType), descriptor)
    }

    /// The media type a manifest document declares, if any.
    static func documentMediaType(_ bytes: [UInt8]) -> String? {
        guard let json = try? StructuredDataJSON.parse(bytes) else { return nil }
        if let mediaType = json["mediaType"]?.stringValue { return mediaType }
        if json["manifests"] != nil { return MediaTypes.ociIndex }
        if json["layers"] != nil { return MediaTypes.ociManifest }
        return nil
    }
}
