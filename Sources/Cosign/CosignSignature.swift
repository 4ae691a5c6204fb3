import OCIRegistry
import SwiftASN1
import SourceHTTP
import StructuredData
import X509

/// One cosign signature as stored in the registry: the simple-signing payload (the layer) and
/// the layer's annotations (`dev.cosignproject.cosign/signature`, `dev.sigstore.cosign/
/// certificate`, `…/chain`, `…/bundle`).
public struct CosignSignature: Sendable {
    public static let signatureAnnotation = "dev.cosignproject.cosign/signature"
    public static let certificateAnnotation = "dev.sigstore.cosign/certificate"
    public static let chainAnnotation = "dev.sigstore.cosign/chain"
    public static let bundleAnnotation = "dev.sigstore.cosign/bundle"

    /// The signed bytes (the layer blob).
    public var payload: [UInt8]
    /// The base64 signature.
    public var base64Signature: String
    public var certificatePEM: String?
    public var chainPEM: String?
    public var bundleJSON: String?

    public init(payload: [UInt8], base64Signature: String, certificatePEM: String? = nil, chainPEM: String? = nil, bundleJSON: String? = nil) {
        self.payload = payload
        self.base64Signature = base64Signature
        self.certificatePEM = certificatePEM
        self.chainPEM = chainPEM
        self.bundleJSON = bundleJSON
    }

    /// The signing certificate, nil when the signature carries none.
    func certificate() throws(CosignError) -> Certificate? {
        guard let certificatePEM, !certificatePEM.isEmpty else { return nil }
        do { return try Certificate(pemEncoded: certificatePEM) } catch {
            throw CosignError(.verification, "x509: malformed certificate")
        }
    }

    /// The certificate chain of the annotation (leaf's issuers up to the root).
    func chain() throws(CosignError) -> [Certificate] {
        guard let chainPEM, !chainPEM.isEmpty else { return [] }
        do { return try PEMDocument.parseMultiple(pemString: chainPEM).map { try Certificate(derEncoded: $0.derBytes) } } catch {
            throw CosignError(.verification, "x509: malformed certificate")
        }
    }

    /// The `docker-manifest-digest` the payload claims.
    var claimedDigest: String? {
        guard let json = try? JSONParser.parse(bytes: payload) else { return nil }
        return json["critical"]?["image"]?["docker-manifest-digest"]?.stringValue
    }

    /// cosign's simple-signing payload for `reference` at `digest`.
    public static func simpleSigningPayload(dockerReference: String, digest: String) -> [UInt8] {
        let value: JSONValue = .object([
            "critical": .object([
                "identity": .object(["docker-reference": .string(dockerReference)]),
                "image": .object(["docker-manifest-digest": .string(digest)]),
                "type": .string("cosign container image signature"),
            ]),
            "optional": .null,
        ])
        return value.serializedBytes(JSONWriteOptions(escapeHTML: true))
    }

    /// `sha256-<hex>.sig`: the tag cosign stores the signatures of `digest` under.
    public static func signatureTag(for digest: String) -> String { digest.replacing(":", with: "-") + ".sig" }
}

extension CosignSignature {
    /// The signatures attached to `ref` (cosign's `ociremote.Signatures`): the image digest is
    /// resolved, then the `sha256-<hex>.sig` manifest of the same repository is read; a missing
    /// signature manifest means no signatures.
    /// - Throws: `.imageTagNotFound` "image tag not found: …" when `ref` does not resolve.
    public static func fetch(for ref: ImageReference, client: RegistryClient, maxPayloadSize: Int = 1 << 20) async throws(CosignError) -> (digest: String, signatures: [CosignSignature]) {
        let descriptor: Descriptor
        do { descriptor = try await client.resolve(ref) } catch {
            if error.isNotFound { throw CosignError(.imageTagNotFound, "image tag not found: \(error.message)") }
            throw CosignError(.registry, error.message)
        }
        let sigRef = ref.with(tag: signatureTag(for: descriptor.digest))
        let manifest: Manifest
        do { manifest = try await client.manifest(sigRef).manifest } catch {
            if error.isNotFound { return (descriptor.digest, []) }
            throw CosignError(.registry, error.message)
        }
        var signatures: [CosignSignature] = []
        for layer in manifest.layers {
            let payload: [UInt8]
            do { payload = try await client.fetchBlob(sigRef, digest: layer.digest, maxSize: maxPayloadSize) } catch {
                throw CosignError(.registry, error.message)
            }
            signatures.append(CosignSignature(
                payload: payload, base64Signature: layer.annotation(signatureAnnotation) ?? "",
                certificatePEM: layer.annotation(certificateAnnotation), chainPEM: layer.annotation(chainAnnotation),
                bundleJSON: layer.annotation(bundleAnnotation)))
        }
        return (descriptor.digest, signatures)
    }

    /// Pushes `signatures` for the image at `digest` the way `cosign sign` attaches them (a
    /// manifest with one simple-signing layer per signature, tagged `sha256-<hex>.sig`). For
    /// tests and the CLI.
    @discardableResult
    public static func attach(_ signatures: [CosignSignature], to ref: ImageReference, digest: String, client: RegistryClient) async throws(CosignError) -> Descriptor {
        let sigRef = ref.with(tag: signatureTag(for: digest))
        do {
            let config = try await client.pushBlob(sigRef, bytes: Array("{}".utf8), mediaType: "application/vnd.oci.image.config.v1+json")
            var layers: [Descriptor] = []
            for signature in signatures {
                var layer = try await client.pushBlob(sigRef, bytes: signature.payload, mediaType: MediaTypes.cosignSimpleSigning)
                var annotations: [(key: String, value: String)] = [(signatureAnnotation, signature.base64Signature)]
                if let c = signature.certificatePEM { annotations.append((certificateAnnotation, c)) }
                if let c = signature.chainPEM { annotations.append((chainAnnotation, c)) }
                if let b = signature.bundleJSON { annotations.append((bundleAnnotation, b)) }
                layer.annotations = annotations
                layers.append(layer)
            }
            let manifest = Manifest(config: config, layers: layers)
            return try await client.pushManifest(sigRef, bytes: manifest.bytes, mediaType: manifest.mediaType)
        } catch {
            throw CosignError(.registry, error.message)
        }
    }
}
