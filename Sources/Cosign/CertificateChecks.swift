import Foundation
import Sprig
import SwiftASN1
import X509

/// The certificate checks of keyless verification (cosign `ValidateAndUnpackCert`,
/// `CheckCertificatePolicy`, `CheckExpiry`).
enum CertificateChecks {
    static let trustHint = ". Check your TUF root (see cosign initialize) or set a custom root with env var SIGSTORE_ROOT_FILE"
    /// Fulcio's OIDC issuer extension (`CertExtensionOIDCIssuer`), read raw as cosign v2.2 does.
    static let issuerOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 1]
    /// Fulcio's username SAN (`OIDFulcioUsernameSubject`).
    static let usernameOID: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 57264, 1, 7]

    /// `TrustedCert`: the certificate chains to a root through the intermediates, checked at the
    /// certificate's NotBefore, every certificate allowing code signing.
    static func trust(_ certificate: Certificate, roots: [Certificate], intermediates: [Certificate]) async throws(CosignError) {
        let validationTime = certificate.notValidBefore
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedValidationTime: validationTime)
            CodeSigningPolicy()
        }
        let result = await verifier.validate(leaf: certificate, intermediates: CertificateStore(intermediates))
        switch result {
        case .validCertificate:
            return
        case .couldNotValidate(let failures):
            let usage = failures.contains { "\($0.policyFailureReason)".contains(CodeSigningPolicy.failure) }
            let reason = usage ? "x509: certificate specifies an incompatible key usage" : "x509: certificate signed by unknown authority"
            throw CosignError(.verification, "cert verification failed: \(reason)\(trustHint)")
        }
    }

    /// `CheckCertificatePolicy` with `matchOIDCIdentity`: some identity's issuer regex must
    /// match the OIDC issuer and its subject regex some SAN.
    static func identity(_ certificate: Certificate, identities: [OIDCIdentityMatcher]) throws(CosignError) {
        guard !identities.isEmpty else { return }
        let issuer = oidcIssuer(certificate)
        let sans = subjectAlternativeNames(certificate)
        for identity in identities {
            var issuerMatches = true
            if !identity.issuer.isEmpty {
                do { issuerMatches = try GoRegex(identity.issuer).matches(issuer) } catch {
                    throw CosignError(.verification, "malformed issuer in identity: \(identity.issuer) : \(error.message)")
                }
            }
            var subjectMatches = true
            if !identity.subject.isEmpty {
                let regex: GoRegex
                do { regex = try GoRegex(identity.subject) } catch {
                    throw CosignError(.verification, "malformed subject in identity: \(identity.subject) : \(error.message)")
                }
                subjectMatches = sans.contains { regex.matches($0) }
            }
            if issuerMatches && subjectMatches { return }
        }
        throw CosignError(.verification, "none of the expected identities matched what was in the certificate, got subjects [\(sans.joined(separator: ", "))] with issuer \(issuer)")
    }

    /// `CheckExpiry`.
    static func expiry(_ certificate: Certificate, at time: Date) throws(CosignError) {
        if certificate.notValidAfter < time {
            throw CosignError(.verification, "certificate expired before signatures were entered in log: \(rfc3339(certificate.notValidAfter)) is before \(rfc3339(time))")
        }
        if certificate.notValidBefore > time {
            throw CosignError(.verification, "certificate was issued after signatures were entered in log: \(rfc3339(certificate.notValidAfter)) is after \(rfc3339(time))")
        }
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The raw value of the issuer extension, "" when absent.
    static func oidcIssuer(_ certificate: Certificate) -> String {
        guard let ext = certificate.extensions[oid: issuerOID] else { return "" }
        return String(decoding: ext.value, as: UTF8.self)
    }

    /// cryptoutils `GetSubjectAlternateNames`: DNS names, emails, IPs, URIs, then the Fulcio
    /// username other-name.
    static func subjectAlternativeNames(_ certificate: Certificate) -> [String] {
        guard let sans = try? certificate.extensions.subjectAlternativeNames else { return [] }
        var dns: [String] = [], emails: [String] = [], ips: [String] = [], uris: [String] = [], other: [String] = []
        for name in sans {
            switch name {
            case .dnsName(let n): dns.append(n)
            case .rfc822Name(let n): emails.append(n)
            case .ipAddress(let bytes): ips.append(ipString(Array(bytes.bytes)))
            case .uniformResourceIdentifier(let u): uris.append(u)
            case .otherName(let o):
                if o.typeID == usernameOID, other.isEmpty, let value = o.value, let text = Self.utf8String(value) {
                    other.append(text)
                }
            default: continue
            }
        }
        return dns + emails + ips + uris + other
    }

    static func utf8String(_ value: ASN1Any) -> String? {
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(value)) != nil,
              let string = try? ASN1UTF8String(derEncoded: serializer.serializedBytes) else { return nil }
        return String(string)
    }

    static func ipString(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        var groups: [String] = []
        var i = 0
        while i + 1 < bytes.count {
            groups.append(String(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]), radix: 16))
            i += 2
        }
        return groups.joined(separator: ":")
    }
}

/// Go's `x509.ExtKeyUsageCodeSigning` check: every certificate in the chain that restricts its
/// extended key usage must allow code signing (or any usage).
struct CodeSigningPolicy: VerifierPolicy {
    static let failure = "incompatible key usage"
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [
        .X509ExtensionID.extendedKeyUsage, .X509ExtensionID.subjectAlternativeName, .X509ExtensionID.keyUsage,
    ]

    func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        for certificate in chain {
            guard let usage = try? certificate.extensions.extendedKeyUsage else { continue }
            if !(usage.contains(.codeSigning) || usage.contains(.any)) {
                return .failsToMeetPolicy(reason: Self.failure)
            }
        }
        return .meetsPolicy
    }
}
