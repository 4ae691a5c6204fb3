import Crypto
import _CryptoExtras
import Foundation
import GoTemplate

extension Sprig {
    static let crypto: [GoFunction] = [
        fn("bcrypt", [.string], result: .string) { a in .string(bcrypt(a[0].str)) },
        fn("htpasswd", [.string, .string], result: .string) { a in
            if a[0].str.contains(":") { return .string("invalid username: \(a[0].str)") }
            return .string(a[0].str + ":" + bcrypt(a[1].str))
        },
        fn("genPrivateKey", [.string], result: .string) { a in .string(KeyPEM.generate(a[0].str)) },
        fn("derivePassword", [.uint32, .string, .string, .string, .string], result: .string) { a in
            .string(derivePassword(counter: UInt32(truncatingIfNeeded: a[0].int64), type: a[1].str,
                                   password: a[2].str, user: a[3].str, site: a[4].str))
        },
        fn("encryptAES", [.string, .string], result: .string, returnsError: true) { a in .string(try encryptAES(a[0].str, a[1].str)) },
        fn("decryptAES", [.string, .string], result: .string, returnsError: true) { a in .string(try decryptAES(a[0].str, a[1].str)) },
    ]

    static func bcrypt(_ input: String) -> String {
        var g = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        do {
            return try Bcrypt.hash(Array(input.utf8), cost: 10, salt: salt)
        } catch {
            return "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes"
        }
    }

    static let passwordTemplates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                 "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                 "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                 "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                 "CvccCvcvCvccno"],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    static let templateCharacters: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8), "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8), "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8), "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8), "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    /// The Master Password algorithm: scrypt(password, seed‖len(user)‖user; N=32768, r=8,
    /// p=2, 64 bytes) keys an HMAC-SHA256 of seed‖len(site)‖site‖counter, whose bytes pick a
    /// template and its characters.
    static func derivePassword(counter: UInt32, type: String, password: String, user: String, site: String) -> String {
        guard let templates = passwordTemplates[type] else { return "cannot find password template \(type)" }
        let seed = Array("com.lyndir.masterpassword".utf8)
        func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let salt = seed + bigEndian(UInt32(user.utf8.count)) + Array(user.utf8)
        let key: SymmetricKey
        do {
            key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 64,
                                           rounds: 32768, blockSize: 8, parallelism: 2)
        } catch {
            return "failed to derive password: \(error)"
        }
        let message = seed + bigEndian(UInt32(site.utf8.count)) + Array(site.utf8) + bigEndian(counter)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = Array(templates[Int(mac[0]) % templates.count])
        var out: [UInt8] = []
        for (i, element) in template.enumerated() {
            guard let chars = templateCharacters[element] else { continue }
            out.append(chars[Int(mac[i + 1]) % chars.count])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func aesKey(_ password: String) -> SymmetricKey {
        var key = Array(password.utf8.prefix(32))
        key += [UInt8](repeating: 0, count: 32 - key.count)
        return SymmetricKey(data: key)
    }

    /// AES-256-CBC with a zero-padded/truncated key, PKCS#7 padding and a random IV prefix.
    static func encryptAES(_ password: String, _ plaintext: String) throws -> String {
        if plaintext.isEmpty { return "" }
        var content = Array(plaintext.utf8)
        let padding = 16 - content.count % 16
        content += [UInt8](repeating: UInt8(padding), count: padding)
        var g = SystemRandomNumberGenerator()
        let iv = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        let sealed = try AES._CBC.encrypt(content, using: aesKey(password), iv: AES._CBC.IV(ivBytes: iv), noPadding: true)
        return Base64.encode(iv + Array(sealed))
    }

    /// The inverse of `encryptAES`; the last byte says how many padding bytes to drop.
    static func decryptAES(_ password: String, _ crypt64: String) throws -> String {
        if crypt64.isEmpty { return "" }
        let crypt = try Base64.decode(crypt64)
        guard crypt.count >= 16 else { throw SprigError("runtime error: slice bounds out of range [:16] with capacity \(crypt.count)") }
        let body = Array(crypt[16...])
        guard body.count % 16 == 0 else { throw SprigError("crypto/cipher: input not full blocks") }
        if body.isEmpty { throw SprigError("runtime error: index out of range [-1]") }
        let plain = Array(try AES._CBC.decrypt(body, using: aesKey(password), iv: AES._CBC.IV(ivBytes: Array(crypt[0..<16])), noPadding: true))
        let pad = Int(plain[plain.count - 1])
        guard pad <= plain.count else { throw SprigError("runtime error: slice bounds out of range [:\(plain.count - pad)]") }
        return String(decoding: plain[..<(plain.count - pad)], as: UTF8.self)
    }
}
