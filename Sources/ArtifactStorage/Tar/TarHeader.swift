/// One tar member header as Go's `archive/tar` writes it: USTAR when the name and size fit,
/// otherwise a preceding PAX extended header carries `path`/`size`.
struct TarHeader: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        case regular = 0x30      // '0'
        case symlink = 0x32      // '2'
        case directory = 0x35    // '5'
        case paxExtended = 0x78  // 'x'
    }

    var name: String
    var kind: Kind
    var mode: Int
    var size: Int64
    var linkName = ""
    /// Seconds since the epoch (0 in sanitised artifact archives).
    var modificationTime: Int64 = 0

    /// The encoded header block(s), including any PAX header and its data.
    func encoded() -> [UInt8] {
        var records: [(String, String)] = []
        var ustarName = name
        var prefix = ""
        let nameBytes = Array(name.utf8)
        if !name.utf8.allSatisfy({ $0 < 0x80 }) {
            records.append(("path", name))
            ustarName = String(decoding: nameBytes.prefix(100), as: UTF8.self)
        } else if nameBytes.count > 100 {
            if let (p, n) = Self.split(nameBytes) {
                prefix = p
                ustarName = n
            } else {
                records.append(("path", name))
                ustarName = String(decoding: nameBytes.prefix(100), as: UTF8.self)
            }
        }
        if size > 0o777_7777_7777 { records.append(("size", String(size))) }
        var out: [UInt8] = []
        if !records.isEmpty {
            let data = Self.paxData(records)
            let paxName = String(decoding: Array(("PaxHeaders.0/" + POSIXFile.baseName(name)).utf8).prefix(100), as: UTF8.self)
            out += Self.block(name: paxName, prefix: "", kind: .paxExtended, mode: 0, size: Int64(data.count), linkName: "", mtime: 0)
            out += data
            out += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
        }
        out += Self.block(name: ustarName, prefix: prefix, kind: kind, mode: mode,
                          size: size > 0o777_7777_7777 ? 0 : size, linkName: linkName, mtime: modificationTime)
        return out
    }

    /// Splits a long name into a USTAR prefix (≤ 155 bytes) and name (≤ 100 bytes) at a `/`.
    static func split(_ bytes: [UInt8]) -> (String, String)? {
        var index = min(bytes.count - 1, 155)
        while index > 0 {
            if bytes[index] == UInt8(ascii: "/") {
                let name = bytes[(index + 1)...]
                if !name.isEmpty, name.count <= 100 {
                    return (String(decoding: bytes[..<index], as: UTF8.self), String(decoding: name, as: UTF8.self))
                }
                return nil
            }
            index -= 1
        }
        return nil
    }

    static func paxData(_ records: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (key, value) in records {
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while String(length).utf8.count + body.utf8.count != length { length += 1 }
            out += Array((String(length) + body).utf8)
        }
        return out
    }

    static func block(name: String, prefix: String, kind: Kind, mode: Int, size: Int64, linkName: String, mtime: Int64) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, _ offset: Int, _ length: Int) {
            for (i, byte) in text.utf8.prefix(length).enumerated() { b[offset + i] = byte }
        }
        func octal(_ value: Int64, _ offset: Int, _ length: Int) {
            var digits = String(value, radix: 8)
            if digits.count < length - 1 { digits = String(repeating: "0", count: length - 1 - digits.count) + digits }
            put(digits, offset, length - 1)
        }
        put(name, 0, 100)
        octal(Int64(mode), 100, 8)
        octal(0, 108, 8)
        octal(0, 116, 8)
        octal(size, 124, 12)
        octal(max(0, mtime), 136, 12)
        b[156] = kind.rawValue
        put(linkName, 157, 100)
        put("ustar\0", 257, 6)
        put("00", 263, 2)
        octal(0, 329, 8)
        octal(0, 337, 8)
        put(prefix, 345, 155)
        for i in 148..<156 { b[i] = 0x20 }
        let sum = b.reduce(0) { $0 + Int($1) }
        var digits = String(sum, radix: 8)
        if digits.count < 6 { digits = String(repeating: "0", count: 6 - digits.count) + digits }
        for (i, byte) in digits.utf8.prefix(6).enumerated() { b[148 + i] = byte }
        b[154] = 0
        b[155] = 0x20
        return b
    }
}
