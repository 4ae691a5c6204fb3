@preconcurrency import Crypto
import Foundation
import OCIRegistry
import SourceHTTP
import Sprig
import SwiftASN1
import X509

/// Verifies cosign signatures of an OCI artifact as source-controller's `CosignVerifier` does:
/// with a static public key (offline, no transparency log), or keyless — the signature's
/// Fulcio certificate chained to the trust root, its OIDC issuer and subject matched against
/// `matchOIDCIdentity` (ORed), and its Rekor bundle's signed entry timestamp checked offline.
/// The payload's `docker-manifest-digest` must also be the verified image's digest (cosign's
/// simple claim check; source-controller leaves it out, this verifier keeps it).
public struct CosignVerifier: Sendable {
    public enum Mode: Sendable {
        case publicKey(SignatureKey)
        case keyless(CosignTrustRoot, identities: [OIDCIdentityMatcher])
    }

    public let mode: Mode
    /// Check the payload's claimed digest against the image's.
    public var checkClaims = true

    public init(mode: Mode) { self.mode = mode }

    /// A verifier for one PEM public key (a `*.pub` entry of the verification Secret).
    public init(publicKeyPEM: String) throws(CosignError) { mode = .publicKey(try SignatureKey(pem: publicKeyPEM)) }

    /// A keyless verifier.
    public init(trustRoot: CosignTrustRoot, identities: [OIDCIdentityMatcher]) { mode = .keyless(trustRoot, identities: identities) }

    /// The signatures of `ref` that verify (`cosign.VerifyImageSignatures`).
    /// - Throws: `.noMatchingSignatures` "no matching signatures" (none attached) or "no matching
    ///   signatures: <why each failed, joined by "\n ">", `.imageTagNotFound`, `.registry`.
    public func verify(_ ref: ImageReference, client: RegistryClient, now: Date = Date()) async throws(CosignError) -> [CosignSignature] {
        let (digest, signatures) = try await CosignSignature.fetch(for: ref, client: client)
        return try await verify(signatures, imageDigest: digest, now: now)
    }

    /// Verifies already fetched signatures of the image at `imageDigest`.
    public func verify(_ signatures: [CosignSignature], imageDigest: String, now: Date = Date()) async throws(CosignError) -> [CosignSignature] {
        guard !signatures.isEmpty else { throw CosignError(.noMatchingSignatures, "no matching signatures") }
        var verified: [CosignSignature] = []
        var failures: [String] = []
        for signature in signatures {
            do {
                try await verifyOne(signature, imageDigest: imageDigest, now: now)
                verified.append(signature)
            } catch {
                failures.append(error.message)
            }
        }
        guard !verified.isEmpty else {
            throw CosignError(.noMatchingSignatures, "no matching signatures: \(failures.joined(separator: "\n "))")
        }
        return verified
    }

    /// `verifyInternal` for one signature.
    func verifyOne(_ signature: CosignSignature, imageDigest: String, now: Date) async throws(CosignError) {
        var bundleTime: Date?
        let key: SignatureKey
        let certificate = try signature.certificate()
        switch mode {
        case .publicKey(let k):
            key = k
        case .keyless(let root, let identities):
            do { bundleTime = try verifyBundle(signature, certificate: certificate, root: root) } catch {
                throw CosignError(.verification, "error verifying bundle: \(error.message)")
            }
            guard let certificate else { throw CosignError(.verification, "no certificate found on signature") }
            var intermediates = root.fulcioIntermediates
            if intermediates.isEmpty {
                let chain = try signature.chain()
                if chain.count > 1 { intermediates = Array(chain.dropLast()) }
            }
            try await CertificateChecks.trust(certificate, roots: root.fulcioRoots, intermediates: intermediates)
            try CertificateChecks.identity(certificate, identities: identities)
            do { key = try SignatureKey(certificate.publicKey) } catch {
                throw CosignError(.verification, "invalid certificate found on signature: \(error.message)")
            }
        }
        guard let raw = Base64.decode(signature.base64Signature) else {
            throw CosignError(.verification, "illegal base64 data at input byte 0")
        }
        try key.verify(signature: raw, payload: signature.payload)
        if checkClaims {
            let claimed = signature.claimedDigest ?? ""
            if claimed != imageDigest { throw CosignError(.verification, "invalid or missing digest in claim: \(claimed)") }
        }
        if let certificate {
            if let bundleTime {
                do { try CertificateChecks.expiry(certificate, at: bundleTime) } catch {
                    throw CosignError(.verification, "checking expiry on certificate with bundle: \(error.message)")
                }
            } else if case .publicKey = mode {
                do { try CertificateChecks.expiry(certificate, at: now) } catch {
                    throw CosignError(.verification, "expected a signed timestamp to verify an expired certificate")
                }
            }
        }
    }

    /// `VerifyBundle`: the bundle's entry must carry this signature and key, its SET must verify
    /// with the Rekor key of its log ID, and its hash must be the payload's. Returns the
    /// integrated time. Without a bundle, offline verification fails.
    func verifyBundle(_ signature: CosignSignature, certificate: Certificate?, root: CosignTrustRoot) throws(CosignError) -> Date {
        guard let text = signature.bundleJSON, !text.isEmpty else { throw CosignError(.verification, "offline verification failed") }
        let bundle = try RekorBundle(json: text)
        guard !root.rekorKeys.isEmpty else { throw CosignError(.verification, "no trusted rekor public keys provided") }
        let entry = try bundle.entry()
        if !entry.signature.isEmpty, entry.signature != signature.base64Signature {
            throw CosignError(.verification, "signature in bundle does not match signature being verified")
        }
        if let certificate {
            let ours = (try? certificate.serializeAsPEM().derBytes) ?? []
            let theirs = Base64.decode(entry.publicKey).flatMap { try? PEMDocument(pemString: String(decoding: $0, as: UTF8.self)).derBytes } ?? []
            if ours != theirs {
                throw CosignError(.verification, "comparing public key PEMs, expected \((try? certificate.serializeAsPEM().pemString) ?? ""), got \(String(decoding: Base64.decode(entry.publicKey) ?? [], as: UTF8.self))")
            }
        }
        guard let key = root.rekorKeys[bundle.logID] else {
            throw CosignError(.verification, "verifying bundle: rekor log public key not found for payload")
        }
        guard let set = try? P256.Signing.ECDSASignature(derRepresentation: bundle.signedEntryTimestamp),
              key.isValidSignature(set, for: SHA256.hash(data: bundle.canonicalPayload)) else {
            throw CosignError(.verification, "unable to verify SET")
        }
        guard entry.algorithm == "sha256" else { throw CosignError(.verification, "unexpected algorithm: \"\(entry.algorithm)\"") }
        let payloadHash = SHA256.hash(data: signature.payload).map { String(format: "%02x", $0) }.joined()
        guard entry.hash == payloadHash else {
            throw CosignError(.verification, "matching bundle to payload: bundle=\"\(entry.hash)\", payload=\"\(payloadHash)\"")
        }
        return Date(timeIntervalSince1970: TimeInterval(bundle.integratedTime))
    }
}
