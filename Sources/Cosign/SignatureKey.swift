@preconcurrency import Crypto
@preconcurrency import _CryptoExtras
import X509

/// A public key that checks cosign signatures as sigstore's `signature.LoadVerifier(key,
/// crypto.SHA256)` does: ECDSA (any curve) over the SHA-256 of the payload with an ASN.1
/// signature, RSA PKCS#1 v1.5 with SHA-256, or Ed25519 over the payload itself.
public enum SignatureKey: Sendable {
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)
    case ed25519(Curve25519.Signing.PublicKey)

    /// Loads a PEM public key (`cryptoutils.UnmarshalPEMToPublicKey`).
    /// - Throws: `.invalidKey` "PEM decoding failed" or "unsupported public key type".
    public init(pem: String) throws(CosignError) {
        let key: Certificate.PublicKey
        do { key = try Certificate.PublicKey(pemEncoded: pem) } catch {
            throw CosignError(.invalidKey, "PEM decoding failed")
        }
        try self.init(key)
    }

    /// The key of a certificate.
    /// - Throws: `.invalidKey` "invalid certificate found on signature: unsupported public key type".
    public init(_ key: Certificate.PublicKey) throws(CosignError) {
        if let k = P256.Signing.PublicKey(key) { self = .p256(k) }
        else if let k = P384.Signing.PublicKey(key) { self = .p384(k) }
        else if let k = P521.Signing.PublicKey(key) { self = .p521(k) }
        else if let k = _RSA.Signing.PublicKey(key) { self = .rsa(k) }
        else if let k = Curve25519.Signing.PublicKey(key) { self = .ed25519(k) }
        else { throw CosignError(.invalidKey, "unsupported public key type") }
    }

    /// Checks `signature` over `payload`.
    /// - Throws: `.verification` with sigstore's messages ("invalid signature when validating
    ///   ASN.1 encoded signature", "crypto/rsa: verification error", "failed to verify signature").
    public func verify(signature: [UInt8], payload: [UInt8]) throws(CosignError) {
        let digest = SHA256.hash(data: payload)
        let ecdsaFailure = CosignError(.verification, "invalid signature when validating ASN.1 encoded signature")
        switch self {
        case .p256(let key):
            guard let s = try? P256.Signing.ECDSASignature(derRepresentation: signature), key.isValidSignature(s, for: digest) else { throw ecdsaFailure }
        case .p384(let key):
            guard let s = try? P384.Signing.ECDSASignature(derRepresentation: signature), key.isValidSignature(s, for: digest) else { throw ecdsaFailure }
        case .p521(let key):
            guard let s = try? P521.Signing.ECDSASignature(derRepresentation: signature), key.isValidSignature(s, for: digest) else { throw ecdsaFailure }
        case .rsa(let key):
            guard key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .insecurePKCS1v1_5) else {
                throw CosignError(.verification, "crypto/rsa: verification error")
            }
        case .ed25519(let key):
            guard key.isValidSignature(signature, for: payload) else { throw CosignError(.verification, "failed to verify signature") }
        }
    }
}
