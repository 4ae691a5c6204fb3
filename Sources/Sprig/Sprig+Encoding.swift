import Crypto
import GoTemplate

extension Sprig {
    static let encoding: [GoFunction] = [
        fn("b64enc", [.string], result: .string) { a in .string(Base64.encode(Array(a[0].str.utf8))) },
        fn("b64dec", [.string], result: .string) { a in
            do { return .string(String(decoding: try Base64.decode(a[0].str), as: UTF8.self)) } catch { return .string("\(error)") }
        },
        fn("b32enc", [.string], result: .string) { a in .string(Base32.encode(Array(a[0].str.utf8))) },
        fn("b32dec", [.string], result: .string) { a in
            do { return .string(String(decoding: try Base32.decode(a[0].str), as: UTF8.self)) } catch { return .string("\(error)") }
        },
        fn("sha1sum", [.string], result: .string) { a in .string(Hex.encode(Insecure.SHA1.hash(data: Array(a[0].str.utf8)))) },
        fn("sha256sum", [.string], result: .string) { a in .string(Hex.encode(SHA256.hash(data: Array(a[0].str.utf8)))) },
        fn("adler32sum", [.string], result: .string) { a in .string(String(Adler32.checksum(Array(a[0].str.utf8)))) },
    ]
}
