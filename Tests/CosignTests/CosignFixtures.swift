import Cosign
import Crypto
import _CryptoExtras
import Foundation
import RegistryTesting
import SourceHTTP
import SwiftASN1
import X509

/// A private Sigstore for tests: a Fulcio root and intermediate, a Rekor log key, and helpers
/// to make keyless and key-based cosign signatures with bundles.
struct TestSigstore {
    static let issuer = "https://token.actions.githubusercontent.com"
    static let subject = "https://github.com/stefanprodan/podinfo/.github/workflows/release.yml@refs/tags/6.5.3"
    static let email = "ci@example.com"
    static let issuerOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]

    let root: TestCA
    let fulcio: TestCA
    let rekorKey = P256.Signing.PrivateKey()

    init() throws {
        root = try TestCA(commonName: "sigstore")
        fulcio = try root.intermediate(commonName: "sigstore-intermediate", codeSigningOnly: true)
    }

    var trustRoot: CosignTrustRoot { CosignTrustRoot(fulcioRoots: [root.certificate], fulcioIntermediates: [fulcio.certificate], rekorKeys: [rekorKey.publicKey]) }

    /// A Fulcio-style certificate for `key` with the given subject and issuer.
    func leaf(for key: P256.Signing.PublicKey, subject: String = TestSigstore.subject, issuer: String = TestSigstore.issuer,
              notBefore: Date = Date().addingTimeInterval(-60), validity: TimeInterval = 600, usages: [ExtendedKeyUsage.Usage] = [.codeSigning]) throws -> Certificate {
        try fulcio.issue(commonName: "", key: key,
                         sans: [.rfc822Name(Self.email), .uniformResourceIdentifier(subject)], usages: usages,
                         extra: [Certificate.Extension(oid: Self.issuerOID, critical: false, value: Array(issuer.utf8)[...])],
                         notBefore: notBefore, validity: validity)
    }

    /// A keyless signature of `digest` (`ref` as docker-reference), with a Rekor bundle
    /// integrated at `integratedAt`.
    func keylessSignature(digest: String, reference: String = "registry.example/charts/podinfo", subject: String = TestSigstore.subject,
                          integratedAt: Date = Date(), certificateNotBefore: Date = Date().addingTimeInterval(-60), bundle: Bool = true,
                          tamperSET: Bool = false) throws -> CosignSignature {
        let key = P256.Signing.PrivateKey()
        let certificate = try leaf(for: key.publicKey, subject: subject, notBefore: certificateNotBefore)
        let payload = CosignSignature.simpleSigningPayload(dockerReference: reference, digest: digest)
        let signature = Base64.encode(Array(try key.signature(for: SHA256.hash(data: payload)).derRepresentation))
        var result = CosignSignature(payload: payload, base64Signature: signature, certificatePEM: certificate.pemText,
                                     chainPEM: fulcio.pem + root.pem)
        if bundle {
            let body = RekorBundle.hashedRekordBody(base64Signature: signature, publicKeyPEM: certificate.pemText,
                                                    payloadSHA256: SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined())
            var rekor = RekorBundle(body: body, integratedTime: Int64(integratedAt.timeIntervalSince1970), logIndex: 42,
                                    logID: CosignTrustRoot.logID(rekorKey.publicKey), signedEntryTimestamp: [])
            rekor.signedEntryTimestamp = Array(try rekorKey.signature(for: SHA256.hash(data: rekor.canonicalPayload)).derRepresentation)
            if tamperSET { rekor.logIndex += 1 }
            result.bundleJSON = rekor.json
        }
        return result
    }
}

/// Keys cosign users sign with, and signatures made with them.
enum StaticKey: CaseIterable, CustomStringConvertible {
    case p256, p384, rsa, ed25519

    var description: String {
        switch self {
        case .p256: "P-256"
        case .p384: "P-384"
        case .rsa: "RSA"
        case .ed25519: "Ed25519"
        }
    }

    /// (public key PEM, sign function over the payload)
    func make() throws -> (pem: String, sign: ([UInt8]) throws -> [UInt8]) {
        switch self {
        case .p256:
            let k = P256.Signing.PrivateKey()
            return (k.publicKey.pemRepresentation, { Array(try k.signature(for: SHA256.hash(data: $0)).derRepresentation) })
        case .p384:
            let k = P384.Signing.PrivateKey()
            return (k.publicKey.pemRepresentation, { Array(try k.signature(for: SHA256.hash(data: $0)).derRepresentation) })
        case .rsa:
            let k = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            return (k.publicKey.pemRepresentation, { Array(try k.signature(for: SHA256.hash(data: $0), padding: .insecurePKCS1v1_5).rawRepresentation) })
        case .ed25519:
            let k = Curve25519.Signing.PrivateKey()
            let spki = try Certificate.PublicKey(k.publicKey).serializeAsPEM().pemString
            return (spki, { Array(try k.signature(for: $0)) })
        }
    }
}
