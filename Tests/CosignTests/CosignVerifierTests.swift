import Cosign
import Crypto
import Foundation
import SourceHTTP
import Testing
import X509

@Suite("Cosign verification: static keys and keyless with an offline Rekor bundle")
struct CosignVerifierTests {
    static let digest = "sha256:" + String(repeating: "ab", count: 32)
    static let goodIdentity = OIDCIdentityMatcher(issuer: "^https://token.actions.githubusercontent.com$",
                                                  subject: "^https://github.com/stefanprodan/podinfo.*$")

    @Test("a signature made with the key verifies", arguments: StaticKey.allCases)
    func publicKey(_ kind: StaticKey) async throws {
        let (pem, sign) = try kind.make()
        let payload = CosignSignature.simpleSigningPayload(dockerReference: "r.io/app", digest: Self.digest)
        let signature = CosignSignature(payload: payload, base64Signature: Base64.encode(try sign(payload)))
        let verified = try await CosignVerifier(publicKeyPEM: pem).verify([signature], imageDigest: Self.digest)
        #expect(verified.count == 1)
    }

    @Test("a signature made with another key does not verify", arguments: [
        (StaticKey.p256, "invalid signature when validating ASN.1 encoded signature"),
        (.rsa, "crypto/rsa: verification error"),
        (.ed25519, "failed to verify signature"),
    ])
    func wrongKey(_ kind: StaticKey, _ reason: String) async throws {
        let (_, sign) = try kind.make()
        let (otherPEM, _) = try kind.make()
        let payload = CosignSignature.simpleSigningPayload(dockerReference: "r.io/app", digest: Self.digest)
        let signature = CosignSignature(payload: payload, base64Signature: Base64.encode(try sign(payload)))
        await #expect(throws: CosignError(.noMatchingSignatures, "no matching signatures: \(reason)")) {
            try await CosignVerifier(publicKeyPEM: otherPEM).verify([signature], imageDigest: Self.digest)
        }
    }

    @Test("no signatures at all is cosign's bare 'no matching signatures'")
    func none() async throws {
        let (pem, _) = try StaticKey.p256.make()
        await #expect(throws: CosignError(.noMatchingSignatures, "no matching signatures")) {
            try await CosignVerifier(publicKeyPEM: pem).verify([], imageDigest: Self.digest)
        }
    }

    @Test("a signature of another image is refused by the claim check")
    func claim() async throws {
        let (pem, sign) = try StaticKey.p256.make()
        let other = "sha256:" + String(repeating: "cd", count: 32)
        let payload = CosignSignature.simpleSigningPayload(dockerReference: "r.io/app", digest: other)
        let signature = CosignSignature(payload: payload, base64Signature: Base64.encode(try sign(payload)))
        await #expect(throws: CosignError(.noMatchingSignatures, "no matching signatures: invalid or missing digest in claim: \(other)")) {
            try await CosignVerifier(publicKeyPEM: pem).verify([signature], imageDigest: Self.digest)
        }
    }

    @Test("a malformed public key is refused")
    func badKey() {
        #expect(throws: CosignError(.invalidKey, "PEM decoding failed")) { try CosignVerifier(publicKeyPEM: "not a key") }
    }

    @Test("keyless: a Fulcio certificate from the trust root with a matching identity verifies")
    func keyless() async throws {
        let sigstore = try TestSigstore()
        let signature = try sigstore.keylessSignature(digest: Self.digest)
        let verifier = CosignVerifier(trustRoot: sigstore.trustRoot, identities: [Self.goodIdentity])
        #expect(try await verifier.verify([signature], imageDigest: Self.digest).count == 1)
        // Identities are ORed.
        let ored = CosignVerifier(trustRoot: sigstore.trustRoot, identities: [
            OIDCIdentityMatcher(issuer: "^https://gitlab.com$", subject: ".*"), Self.goodIdentity,
        ])
        #expect(try await ored.verify([signature], imageDigest: Self.digest).count == 1)
    }

    @Test("keyless failures are worded as cosign words them")
    func keylessFailures() async throws {
        let sigstore = try TestSigstore()
        let good = CosignVerifier(trustRoot: sigstore.trustRoot, identities: [Self.goodIdentity])
        func expectFailure(_ signature: CosignSignature, _ verifier: CosignVerifier, _ reason: String) async {
            await #expect(throws: CosignError(.noMatchingSignatures, "no matching signatures: \(reason)")) {
                try await verifier.verify([signature], imageDigest: Self.digest)
            }
        }
        let otherSubject = try sigstore.keylessSignature(digest: Self.digest, subject: "https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main")
        await expectFailure(otherSubject, good, "none of the expected identities matched what was in the certificate, got subjects [\(TestSigstore.email), https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main] with issuer \(TestSigstore.issuer)")
        await expectFailure(try sigstore.keylessSignature(digest: Self.digest, tamperSET: true), good, "error verifying bundle: unable to verify SET")
        await expectFailure(try sigstore.keylessSignature(digest: Self.digest, bundle: false), good, "error verifying bundle: offline verification failed")
        let stranger = try TestSigstore()
        let untrusted = CosignVerifier(trustRoot: stranger.trustRoot, identities: [Self.goodIdentity])
        let signature = try sigstore.keylessSignature(digest: Self.digest)
        await expectFailure(signature, untrusted, "error verifying bundle: verifying bundle: rekor log public key not found for payload")
        let foreignRoot = CosignVerifier(trustRoot: CosignTrustRoot(fulcioRoots: [stranger.root.certificate], rekorKeys: [sigstore.rekorKey.publicKey]),
                                         identities: [Self.goodIdentity])
        await expectFailure(signature, foreignRoot, "cert verification failed: x509: certificate signed by unknown authority. Check your TUF root (see cosign initialize) or set a custom root with env var SIGSTORE_ROOT_FILE")
        let late = try sigstore.keylessSignature(digest: Self.digest, integratedAt: Date().addingTimeInterval(3600))
        await expectFailure(late, good, "checking expiry on certificate with bundle: certificate expired before signatures were entered in log: \(Self.rfc3339(late)) is before \(Self.rfc3339(Date(timeIntervalSince1970: TimeInterval(try RekorBundle(json: late.bundleJSON ?? "").integratedTime))))")
        let malformed = CosignVerifier(trustRoot: sigstore.trustRoot, identities: [OIDCIdentityMatcher(issuer: "(", subject: "")])
        await expectFailure(signature, malformed, "malformed issuer in identity: ( : error parsing regexp: missing closing ): `(`")
    }

    static func rfc3339(_ signature: CosignSignature) -> String {
        guard let pem = signature.certificatePEM, let cert = try? Certificate(pemEncoded: pem) else { return "" }
        return rfc3339(cert.notValidAfter)
    }

    static func rfc3339(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    @Test("source-controller's SourceVerified messages")
    func messages() {
        #expect(SourceVerifiedMessages.verifiedVersion("6.5.3") == "verified signature of version 6.5.3")
        #expect(SourceVerifiedMessages.providerFailed(provider: "cosign", keyless: true, "boom") == "failed to verify the signature using provider 'cosign keyless': boom")
        #expect(SourceVerifiedMessages.noMatchingSignatures("r.io/charts/podinfo:6.5.3") == "no matching signatures were found for 'r.io/charts/podinfo:6.5.3'")
    }
}
