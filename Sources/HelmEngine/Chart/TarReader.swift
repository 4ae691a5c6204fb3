/// A minimal POSIX tar reader (ustar, GNU long names, PAX `path`/`size` records), enough for
/// Helm chart archives. Never traps on malformed input: every problem is a thrown `HelmError`.
struct TarReader {
    /// One archive member.
    struct Entry {
        var name: String
        /// The type flag byte (`0`/NUL regular, `5` directory, …).
        var typeFlag: UInt8
        var data: ArraySlice<UInt8>
        var isDirectory: Bool { typeFlag == UInt8(ascii: "5") || (name.hasSuffix("/") && data.isEmpty) }
        var isRegular: Bool { typeFlag == 0 || typeFlag == UInt8(ascii: "0") || typeFlag == UInt8(ascii: "7") }
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The next member after applying PAX/GNU extension headers, or nil at the end of archive.
    mutating func next() throws(HelmError) -> Entry? {
        var longName: String?
        var paxPath: String?
        var paxSize: Int?
        while true {
            guard offset + 512 <= bytes.count else {
                if offset >= bytes.count { return nil }
                throw HelmError(.chart, "unexpected EOF")
            }
            let header = bytes[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { return nil }
            guard verifyChecksum(header) else { throw HelmError(.chart, "archive/tar: invalid tar header") }
            let typeFlag = header[header.startIndex + 156]
            var size = try octal(header, 124, 12)
            if let paxSize, typeFlag != UInt8(ascii: "x"), typeFlag != UInt8(ascii: "g") { size = paxSize }
            let dataStart = offset + 512
            guard size >= 0, dataStart + size <= bytes.count else { throw HelmError(.chart, "unexpected EOF") }
            let data = bytes[dataStart..<(dataStart + size)]
            offset = dataStart + ((size + 511) / 512) * 512
            switch typeFlag {
            case UInt8(ascii: "L"):
                longName = cString(data)
                continue
            case UInt8(ascii: "x"):
                let records = parsePAX(data)
                if let p = records["path"] { paxPath = p }
                if let s = records["size"], let n = Int(s) { paxSize = n }
                continue
            case UInt8(ascii: "g"):
                continue
            default:
                break
            }
            var name = cString(header[header.startIndex..<(header.startIndex + 100)])
            let magic = Array(header[(header.startIndex + 257)..<(header.startIndex + 263)])
            if magic == Array("ustar\0".utf8) {
                let prefix = cString(header[(header.startIndex + 345)..<(header.startIndex + 500)])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            if let longName { name = longName }
            if let paxPath { name = paxPath }
            return Entry(name: name, typeFlag: typeFlag, data: data)
        }
    }

    private func cString(_ slice: ArraySlice<UInt8>) -> String {
        let end = slice.firstIndex(of: 0) ?? slice.endIndex
        return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
    }

    private func octal(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) throws(HelmError) -> Int {
        let field = header[(header.startIndex + start)..<(header.startIndex + start + length)]
        if let first = field.first, first & 0x80 != 0 {
            // GNU base-256 encoding.
            var value = 0
            for byte in field.dropFirst() {
                guard value < (Int.max >> 9) else { throw HelmError(.chart, "archive/tar: invalid tar header") }
                value = value << 8 | Int(byte)
            }
            return value
        }
        var value = 0
        for byte in field {
            if byte == 0 || byte == UInt8(ascii: " ") {
                if value > 0 { break } else { continue }
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7"), value < (Int.max >> 4) else {
                throw HelmError(.chart, "archive/tar: invalid tar header")
            }
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private func verifyChecksum(_ header: ArraySlice<UInt8>) -> Bool {
        guard let stored = try? octal(header, 148, 8) else { return false }
        var sum = 0
        for (i, byte) in header.enumerated() {
            sum += (i >= 148 && i < 156) ? 32 : Int(byte)
        }
        return sum == stored
    }

    /// PAX records: `"%d %s=%s\n"`.
    private func parsePAX(_ data: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var index = data.startIndex
        while index < data.endIndex {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > 0, index + length <= data.endIndex else { break }
            let record = data[(space + 1)..<(index + length)]
            let text = String(decoding: record, as: UTF8.self)
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
            if let eq = trimmed.firstIndex(of: "=") {
                result[String(trimmed[..<eq])] = String(trimmed[trimmed.index(after: eq)...])
            }
            index += length
        }
        return result
    }
}
