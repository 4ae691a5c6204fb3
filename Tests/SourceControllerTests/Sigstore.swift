import Cosign
import Crypto
import Foundation
import OCIRegistry
import RegistryTesting
import SourceHTTP
import SwiftASN1
import X509

/// A private Sigstore for the verify tests: Fulcio root and intermediate, a Rekor log key, and
/// cosign signatures (key-based, or keyless with a Fulcio-style certificate and a Rekor bundle)
/// attached to an image the way `cosign sign` attaches them.
struct TestSigstore {
    static let issuer = "https://token.actions.githubusercontent.com"
    static let subject = "https://github.com/stefanprodan/podinfo/.github/workflows/release.yml@refs/tags/6.5.3"
    static let issuerOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]

    let root: TestCA
    let fulcio: TestCA
    let rekorKey = P256.Signing.PrivateKey()

    init() throws {
        root = try TestCA(commonName: "sigstore")
        fulcio = try root.intermediate(commonName: "sigstore-intermediate", codeSigningOnly: true)
    }

    /// The trust root as the controller options take it.
    var fulcioPEM: String { root.pem + fulcio.pem }
    var rekorPEM: String { rekorKey.publicKey.pemRepresentation }

    /// Signs `ref` (at its current digest) with a static P-256 key; returns the key's PEM.
    static func signWithKey(_ ref: ImageReference, client: RegistryClient, key: P256.Signing.PrivateKey = .init()) async throws -> String {
        let digest = try await client.resolve(ref).digest
        let payload = CosignSignature.simpleSigningPayload(dockerReference: "\(ref.registry)/\(ref.repository)", digest: digest)
        let signature = CosignSignature(payload: payload, base64Signature: Base64.encode(Array(try key.signature(for: SHA256.hash(data: payload)).derRepresentation)))
        _ = try await CosignSignature.attach([signature], to: ref, digest: digest, client: client)
        return key.publicKey.pemRepresentation
    }

    /// Signs `ref` keyless: a certificate for `subject` issued by the test Fulcio, and a bundle
    /// signed by the test Rekor key.
    func signKeyless(_ ref: ImageReference, client: RegistryClient, subject: String = TestSigstore.subject) async throws {
        let digest = try await client.resolve(ref).digest
        let key = P256.Signing.PrivateKey()
        let certificate = try fulcio.issue(commonName: "", key: key.publicKey, sans: [.uniformResourceIdentifier(subject)], usages: [.codeSigning],
                                           extra: [Certificate.Extension(oid: Self.issuerOID, critical: false, value: Array(Self.issuer.utf8)[...])],
                                           notBefore: Date().addingTimeInterval(-60), validity: 600)
        let payload = CosignSignature.simpleSigningPayload(dockerReference: "\(ref.registry)/\(ref.repository)", digest: digest)
        let signature = Base64.encode(Array(try key.signature(for: SHA256.hash(data: payload)).derRepresentation))
        var result = CosignSignature(payload: payload, base64Signature: signature, certificatePEM: certificate.pemText, chainPEM: fulcio.pem + root.pem)
        let body = RekorBundle.hashedRekordBody(base64Signature: signature, publicKeyPEM: certificate.pemText,
                                                payloadSHA256: SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined())
        var rekor = RekorBundle(body: body, integratedTime: Int64(Date().timeIntervalSince1970), logIndex: 7,
                                logID: CosignTrustRoot.logID(rekorKey.publicKey), signedEntryTimestamp: [])
        rekor.signedEntryTimestamp = Array(try rekorKey.signature(for: SHA256.hash(data: rekor.canonicalPayload)).derRepresentation)
        result.bundleJSON = rekor.json
        _ = try await CosignSignature.attach([result], to: ref, digest: digest, client: client)
    }
}
