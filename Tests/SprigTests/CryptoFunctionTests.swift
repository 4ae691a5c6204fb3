import Foundation
import GoTemplate
import SwiftASN1
import Testing
import X509
@testable import Sprig

@Suite("Sprig encoding and crypto")
struct CryptoFunctionTests {
    @Test("derivePassword matches sprig's published vectors", arguments: [
        (#"{{derivePassword 1 "long" "password" "user" "example.com"}}"#, "ZedaFaxcZaso9*"),
        (#"{{derivePassword 2 "long" "password" "user" "example.com"}}"#, "Fovi2@JifpTupx"),
        (#"{{derivePassword 1 "maximum" "password" "user" "example.com"}}"#, "pf4zS1LjCg&LjhsZ7T2~"),
        (#"{{derivePassword 1 "medium" "password" "user" "example.com"}}"#, "ZedJuz8$"),
        (#"{{derivePassword 1 "basic" "password" "user" "example.com"}}"#, "pIS54PLs"),
        (#"{{derivePassword 1 "short" "password" "user" "example.com"}}"#, "Zed5"),
        (#"{{derivePassword 1 "pin" "password" "user" "example.com"}}"#, "6685"),
    ])
    func derivePassword(template: String, expected: String) throws {
        #expect(try render(template) == expected)
    }

    @Test("bcrypt matches the OpenBSD test vectors", arguments: [
        ("U*U", "CCCCCCCCCCCCCCCCCCCCC.", 5, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
        ("", "CCCCCCCCCCCCCCCCCCCCC.", 5, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
    ])
    func bcryptVectors(password: String, salt: String, cost: Int, expected: String) throws {
        let saltBytes = try #require(Bcrypt.decode(salt))
        #expect(try Bcrypt.hash(Array(password.utf8), cost: cost, salt: Array(saltBytes.prefix(16))) == expected)
    }

    @Test("htpasswd and bcrypt produce cost-10 $2a$ hashes")
    func htpasswd() throws {
        let out = try render(#"{{ htpasswd "user" "pass" }}"#)
        #expect(out.hasPrefix("user:$2a$10$"))
        #expect(out.count == "user:".count + 60)
        #expect(try render(#"{{ htpasswd "a:b" "pass" }}"#) == "invalid username: a:b")
    }

    @Test("AES encryption round-trips and decrypts fixed vectors")
    func aes() throws {
        #expect(try render(#"{{ "plaintext" | encryptAES "secretkey" | decryptAES "secretkey" }}"#) == "plaintext")
        let crypt = try Sprig.encryptAES("key", "hello")
        #expect(try Sprig.decryptAES("key", crypt) == "hello")
        #expect(try render(#"{{ encryptAES "k" "" }}"#) == "")
    }

    @Test("genPrivateKey writes the PEM types sprig writes", arguments: [
        ("ecdsa", "-----BEGIN EC PRIVATE KEY-----"), ("ed25519", "-----BEGIN PRIVATE KEY-----"),
        ("rsa", "-----BEGIN RSA PRIVATE KEY-----"), ("nope", "Unknown type nope"),
    ])
    func privateKeys(type: String, prefix: String) throws {
        let pem = try render("{{ genPrivateKey \"\(type)\" }}")
        #expect(pem.hasPrefix(prefix))
        if type != "nope" { #expect((try? Certificate.PrivateKey(pemEncoded: pem)) != nil) }
    }

    @Test("genCA and genSignedCert build a verifiable chain with SANs and key usage")
    func certificates() async throws {
        let text = #"{{ $ca := genCA "my-ca" 365 }}{{ $c := genSignedCert "svc.local" (list "10.0.0.1") (list "svc.local" "alt.local") 30 $ca }}{{ $ca.Cert }}@@{{ $c.Cert }}@@{{ $c.Key }}"#
        let parts = try render(text).components(separatedBy: "@@")
        try #require(parts.count == 3)
        let ca = try Certificate(pemEncoded: parts[0])
        let leaf = try Certificate(pemEncoded: parts[1])
        _ = try Certificate.PrivateKey(pemEncoded: parts[2])
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(try ca.extensions.keyUsage?.keyCertSign == true)
        #expect(try leaf.extensions.keyUsage?.digitalSignature == true)
        #expect(try leaf.extensions.keyUsage?.keyEncipherment == true)
        #expect(try leaf.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        let sans = try #require(try leaf.extensions.subjectAlternativeNames)
        #expect(sans.contains(.dnsName("alt.local")))
        #expect(sans.contains(.ipAddress(ASN1OctetString(contentBytes: [10, 0, 0, 1]))))
        #expect(leaf.issuer == ca.subject)
        // As Go 1.20's crypto/x509: the CA has a SHA-1 subject key identifier, the leaf names it
        // as its authority key identifier and has none of its own; names are PrintableStrings.
        let caKeyID = try #require(try ca.extensions.subjectKeyIdentifier)
        #expect(caKeyID == SubjectKeyIdentifier(hash: ca.publicKey))
        #expect(try leaf.extensions.authorityKeyIdentifier?.keyIdentifier == caKeyID.keyIdentifier)
        #expect(try leaf.extensions.subjectKeyIdentifier == nil)
        var der = DER.Serializer()
        try der.serialize(leaf.subject)
        #expect(der.serializedBytes.starts(with: [0x30, 0x14, 0x31, 0x12, 0x30, 0x10, 0x06, 0x03, 0x55, 0x04, 0x03, 0x13, 0x09]))
        var verifier = Verifier(rootCertificates: CertificateStore([ca])) { RFC5280Policy(validationTime: Date()) }
        let result = await verifier.validate(leafCertificate: leaf, intermediates: CertificateStore())
        guard case .validCertificate = result else {
            Issue.record("chain did not verify: \(result)")
            return
        }
    }

    @Test("genSelfSignedCert and buildCustomCert round-trip")
    func selfSigned() throws {
        let text = #"{{ $c := genSelfSignedCert "foo.com" nil (list "foo.com") 10 }}{{ $b := buildCustomCert ($c.Cert | b64enc) ($c.Key | b64enc) }}{{ eq $b.Cert $c.Cert }}"#
        #expect(try render(text) == "true")
        #expect(outcomeText(#"{{ buildCustomCert "!!" "x" }}"#).contains("unable to decode base 64 certificate"))
    }

    func outcomeText(_ t: String) -> String { outcome(t) }
}
