/// Go's `encoding/base64.StdEncoding`.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4)
        var i = 0
        while i < data.count {
            let b0 = data[i], b1 = i + 1 < data.count ? data[i + 1] : 0, b2 = i + 2 < data.count ? data[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(i + 1 < data.count ? alphabet[Int((b1 & 0xF) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < data.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes padded standard base64 (CR/LF ignored); errors carry Go's
    /// `illegal base64 data at input byte N` text.
    static func decode(_ text: String) throws(SprigError) -> [UInt8] {
        try RadixDecoder(alphabet: alphabet, bitsPerChar: 6, name: "base64").decode(Array(text.utf8))
    }
}

/// Go's `encoding/base32.StdEncoding`.
enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let chunk = Array(data[i..<min(i + 5, data.count)])
            var bits: UInt64 = 0
            for j in 0..<5 { bits = bits << 8 | UInt64(j < chunk.count ? chunk[j] : 0) }
            let chars = [0, 2, 4, 5, 7, 8][chunk.count]
            for j in 0..<8 {
                out.append(j < chars ? alphabet[Int((bits >> UInt64(35 - j * 5)) & 31)] : UInt8(ascii: "="))
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) throws(SprigError) -> [UInt8] {
        try RadixDecoder(alphabet: alphabet, bitsPerChar: 5, name: "base32").decode(Array(text.utf8))
    }
}

/// Padded block decoding shared by base64 and base32, with Go's error offsets.
struct RadixDecoder {
    let alphabet: [UInt8]
    let bitsPerChar: Int
    let name: String

    func decode(_ raw: [UInt8]) throws(SprigError) -> [UInt8] {
        var lookup = [Int](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { lookup[Int(c)] = i }
        let block = bitsPerChar == 6 ? 4 : 8
        var input: [(UInt8, Int)] = []
        for (i, c) in raw.enumerated() where c != 10 && c != 13 { input.append((c, i)) }
        func fail(_ at: Int) -> SprigError { SprigError("illegal \(name) data at input byte \(at)") }
        var out: [UInt8] = []
        var index = 0
        while index < input.count {
            var bits: UInt64 = 0
            var count = 0
            var padded = false
            for j in 0..<block {
                // Input ending inside a quantum: Go reports where that quantum began.
                guard index + j < input.count else { throw fail(raw.count - j) }
                let (c, pos) = input[index + j]
                if c == UInt8(ascii: "=") {
                    if j < (bitsPerChar == 6 ? 2 : 2) { throw fail(pos) }
                    for k in j..<block {
                        guard index + k < input.count, input[index + k].0 == UInt8(ascii: "=") else {
                            throw fail(index + k < input.count ? input[index + k].1 : raw.count)
                        }
                    }
                    if index + block < input.count { throw fail(input[index + block].1) }
                    padded = true
                    break
                }
                let v = lookup[Int(c)]
                guard v >= 0 else { throw fail(pos) }
                bits = bits << UInt64(bitsPerChar) | UInt64(v)
                count += 1
            }
            let totalBits = count * bitsPerChar
            bits <<= UInt64((block - count) * bitsPerChar)
            let bytes = totalBits / 8
            let width = block * bitsPerChar
            for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: bits >> UInt64(width - 8 * (k + 1)))) }
            index += block
            if padded { break }
        }
        return out
    }
}

enum Hex {
    static func encode(_ data: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Go's `hash/adler32`.
enum Adler32 {
    static func checksum(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}
