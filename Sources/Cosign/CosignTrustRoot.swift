@preconcurrency import Crypto
import Foundation
import SwiftASN1
import X509

/// What keyless verification trusts: Fulcio's root (and intermediate) certificates, the Rekor
/// log keys whose signed entry timestamps are checked offline, and optionally CT log keys
/// (when given, the certificate's embedded SCT is required — as cosign requires it against the
/// public Sigstore instance; without them the SCT check is skipped).
public struct CosignTrustRoot: Sendable {
    public var fulcioRoots: [Certificate]
    public var fulcioIntermediates: [Certificate]
    /// Rekor public keys by log ID (hex SHA-256 of the key's DER SubjectPublicKeyInfo).
    public var rekorKeys: [String: P256.Signing.PublicKey]

    public init(fulcioRoots: [Certificate], fulcioIntermediates: [Certificate] = [], rekorKeys: [P256.Signing.PublicKey]) {
        self.fulcioRoots = fulcioRoots
        self.fulcioIntermediates = fulcioIntermediates
        var keys: [String: P256.Signing.PublicKey] = [:]
        for key in rekorKeys { keys[Self.logID(key)] = key }
        self.rekorKeys = keys
    }

    /// Builds a trust root from PEM: certificates (roots self-signed, others intermediates) and
    /// Rekor public keys.
    /// - Throws: `.invalidKey` when a PEM block does not load.
    public init(fulcioPEM: String, rekorPublicKeysPEM: String) throws(CosignError) {
        var roots: [Certificate] = [], intermediates: [Certificate] = []
        do {
            for document in try PEMDocument.parseMultiple(pemString: fulcioPEM) where document.discriminator == "CERTIFICATE" {
                let certificate = try Certificate(derEncoded: document.derBytes)
                if certificate.issuer == certificate.subject { roots.append(certificate) } else { intermediates.append(certificate) }
            }
        } catch {
            throw CosignError(.invalidKey, "unable to load Fulcio certificates: \(error)")
        }
        var keys: [P256.Signing.PublicKey] = []
        do {
            for document in try PEMDocument.parseMultiple(pemString: rekorPublicKeysPEM) where document.discriminator == "PUBLIC KEY" {
                keys.append(try P256.Signing.PublicKey(derRepresentation: document.derBytes))
            }
        } catch {
            throw CosignError(.invalidKey, "unable to load Rekor public keys: \(error)")
        }
        self.init(fulcioRoots: roots, fulcioIntermediates: intermediates, rekorKeys: keys)
    }

    /// cosign's `GetTransparencyLogID`: hex SHA-256 of the key's DER SubjectPublicKeyInfo.
    public static func logID(_ key: P256.Signing.PublicKey) -> String {
        SHA256.hash(data: key.derRepresentation).map { String(format: "%02x", $0) }.joined()
    }
}

/// One `matchOIDCIdentity` entry: Go regexes for the certificate's OIDC issuer and subject
/// (any SAN); both must match. Entries are ORed.
public struct OIDCIdentityMatcher: Sendable, Equatable {
    public var issuer: String
    public var subject: String

    public init(issuer: String, subject: String) {
        self.issuer = issuer
        self.subject = subject
    }
}
