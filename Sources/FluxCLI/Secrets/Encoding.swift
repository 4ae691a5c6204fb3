import Foundation

/// One PEM block: its type, whether it is encrypted (`Proc-Type: 4,ENCRYPTED`), and its bytes.
struct PEMBlock {
    var type: String
    var bytes: [UInt8]
    var encrypted: Bool

    init?(_ text: String) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }) else { return nil }
        let blockType = String(lines[begin].dropFirst(11).dropLast(5))
        guard let end = lines[begin...].firstIndex(where: { $0 == "-----END \(blockType)-----" }) else { return nil }
        var body = ""
        var isEncrypted = false
        for line in lines[(begin + 1)..<end] {
            if line.contains(":") {
                if line.contains("ENCRYPTED") { isEncrypted = true }
                continue
            }
            body += line
        }
        guard let data = Data(base64Encoded: body) else { return nil }
        type = blockType
        encrypted = isEncrypted
        bytes = Array(data)
    }

    /// Go's `pem.Encode`: 64-character lines.
    static func encode(_ type: String, _ bytes: [UInt8]) -> String {
        let base64 = Data(bytes).base64EncodedString()
        var out = "-----BEGIN \(type)-----\n"
        var index = base64.startIndex
        while index < base64.endIndex {
            let next = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            out += base64[index..<next] + "\n"
            index = next
        }
        return out + "-----END \(type)-----\n"
    }
}

/// Reads the SSH wire format (RFC 4251): big-endian `uint32`, length-prefixed strings.
struct SSHReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func readMagic(_ magic: String) -> Bool {
        let m = Array(magic.utf8)
        guard bytes.count >= offset + m.count, Array(bytes[offset..<(offset + m.count)]) == m else { return false }
        offset += m.count
        return true
    }

    mutating func readUInt32() -> UInt32? {
        guard bytes.count >= offset + 4 else { return nil }
        let v = bytes[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        offset += 4
        return v
    }

    mutating func readBytes() -> [UInt8]? {
        guard let length = readUInt32(), bytes.count >= offset + Int(length) else { return nil }
        defer { offset += Int(length) }
        return Array(bytes[offset..<(offset + Int(length))])
    }

    mutating func readString() -> [UInt8]? { readBytes() }
}

/// Writes the SSH wire format.
struct SSHWriter {
    var data: [UInt8] = []

    mutating func uint32(_ v: UInt32) { data += [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    mutating func bytes(_ b: [UInt8]) { uint32(UInt32(b.count)); data += b }
    mutating func string(_ s: String) { bytes(Array(s.utf8)) }

    /// An `mpint`: big-endian, no leading zeros, a zero byte added when the top bit is set.
    mutating func mpint(_ b: [UInt8]) {
        var v = Array(b.drop { $0 == 0 })
        if let first = v.first, first & 0x80 != 0 { v.insert(0, at: 0) }
        bytes(v)
    }
}

/// Minimal DER encoding for SEC 1 keys.
enum DER {
    static func length(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var bytes: [UInt8] = []
        var v = n
        while v > 0 { bytes.insert(UInt8(v & 0xFF), at: 0); v >>= 8 }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag] + length(content.count) + content }
    static func sequence(_ content: [UInt8]) -> [UInt8] { tlv(0x30, content) }
    static func integer(_ content: [UInt8]) -> [UInt8] { tlv(0x02, content) }
}
