/// bcrypt (`$2a$`), as golang.org/x/crypto/bcrypt produces it: EksBlowfish over the
/// password plus a NUL byte, 2^cost rounds, "OrpheanBeholderScryDoubt" encrypted 64 times,
/// 23 of its 24 bytes encoded in bcrypt's base64 alphabet.
enum Bcrypt {
    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    enum Failure: Error { case passwordTooLong, badSalt }

    /// The full hash string for `password` with a 16-byte `salt`.
    static func hash(_ password: [UInt8], cost: Int, salt: [UInt8]) throws(Failure) -> String {
        guard password.count <= 72 else { throw .passwordTooLong }
        guard salt.count == 16 else { throw .badSalt }
        var state = Blowfish()
        let key = password + [0]
        state.expand(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            state.expand(key: key, salt: nil)
            state.expand(key: salt, salt: nil)
        }
        var words: [UInt32] = []
        let magic = Array("OrpheanBeholderScryDoubt".utf8)
        for i in stride(from: 0, to: 24, by: 4) {
            words.append(UInt32(magic[i]) << 24 | UInt32(magic[i + 1]) << 16 | UInt32(magic[i + 2]) << 8 | UInt32(magic[i + 3]))
        }
        for i in stride(from: 0, to: 6, by: 2) {
            for _ in 0..<64 { (words[i], words[i + 1]) = state.encrypt(words[i], words[i + 1]) }
        }
        var bytes: [UInt8] = []
        for w in words { bytes += [UInt8(w >> 24), UInt8(w >> 16 & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w & 0xFF)] }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$" + costText + "$" + encode(salt) + encode(Array(bytes[0..<23]))
    }

    /// bcrypt's unpadded base64.
    static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let b0 = Int(data[i]), b1 = i + 1 < data.count ? Int(data[i + 1]) : 0, b2 = i + 2 < data.count ? Int(data[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[(b0 & 3) << 4 | b1 >> 4])
            if i + 1 < data.count { out.append(alphabet[(b1 & 0xF) << 2 | b2 >> 6]) }
            if i + 2 < data.count { out.append(alphabet[b2 & 0x3F]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes bcrypt's unpadded base64 (for salts given as text).
    static func decode(_ text: String) -> [UInt8]? {
        var lookup = [Int](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { lookup[Int(c)] = i }
        var bits = 0, count = 0
        var out: [UInt8] = []
        for c in text.utf8 {
            let v = lookup[Int(c)]
            guard v >= 0 else { return nil }
            bits = bits << 6 | v
            count += 6
            if count >= 8 { count -= 8; out.append(UInt8(truncatingIfNeeded: bits >> count)) }
        }
        return out
    }
}

/// The Blowfish cipher state with bcrypt's key schedule.
struct Blowfish {
    var p = BlowfishTables.p
    var s = BlowfishTables.s

    @inline(__always) func f(_ x: UInt32) -> UInt32 {
        let a = s[Int(x >> 24)], b = s[256 + Int(x >> 16 & 0xFF)]
        let c = s[512 + Int(x >> 8 & 0xFF)], d = s[768 + Int(x & 0xFF)]
        return ((a &+ b) ^ c) &+ d
    }

    func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        var l = left ^ p[0], r = right
        var i = 1
        while i <= 16 {
            r ^= f(l) ^ p[i]
            l ^= f(r) ^ p[i + 1]
            i += 2
        }
        return (r ^ p[17], l)
    }

    /// Next big-endian word of `data`, cycling.
    private static func word(_ data: [UInt8], _ j: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(data[j])
            j = (j + 1) % data.count
        }
        return w
    }

    /// Blowfish `ExpandKey` (with `salt`: the salted variant EksBlowfish starts with).
    mutating func expand(key: [UInt8], salt: [UInt8]?) {
        var j = 0
        for i in 0..<18 { p[i] ^= Blowfish.word(key, &j) }
        var l: UInt32 = 0, r: UInt32 = 0
        var k = 0
        func mix(_ l: inout UInt32, _ r: inout UInt32) {
            if let salt {
                l ^= Blowfish.word(salt, &k)
                r ^= Blowfish.word(salt, &k)
            }
        }
        for i in stride(from: 0, to: 18, by: 2) {
            mix(&l, &r)
            (l, r) = encrypt(l, r)
            p[i] = l; p[i + 1] = r
        }
        for i in stride(from: 0, to: 1024, by: 2) {
            mix(&l, &r)
            (l, r) = encrypt(l, r)
            s[i] = l; s[i + 1] = r
        }
    }
}
