/// One member of a tar stream, after PAX and GNU long-name headers are applied.
public struct TarEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, directory, symlink, hardLink, other(UInt8)
    }

    public var name: String
    public var kind: Kind
    /// Permission bits from the header.
    public var mode: Int
    public var size: Int64
    public var linkName: String
    /// Modification time in seconds since the epoch.
    public var modificationTime: Int64
}

/// An incremental tar reader (POSIX ustar, PAX `x`/`g`, GNU `L`/`K`): chunks of the tar stream
/// go in through `feed`, entries and their data come out through `handler` without the archive
/// ever being held in memory. Malformed input throws `.archive` with Go's `archive/tar` wording.
final class TarStreamParser {
    enum Event {
        case begin(TarEntry)
        case data(ArraySlice<UInt8>)
        case end
    }

    /// Largest PAX or GNU long-name record accepted (Go's `maxSpecialFileSize`).
    static let maxSpecialFileSize = 1 << 20

    private enum State {
        case header
        case data(remaining: Int64, padding: Int)
        case special(type: UInt8, remaining: Int, padding: Int)
        case padding(Int)
        case zeroBlockSeen
        case done
    }

    private var state = State.header
    private var block: [UInt8] = []
    private var special: [UInt8] = []
    private var paxPath: String?
    private var paxLink: String?
    private var paxSize: Int64?
    private var longName: String?
    private var longLink: String?
    private let handler: (Event) throws(ArtifactStorageError) -> Void

    init(handler: @escaping (Event) throws(ArtifactStorageError) -> Void) {
        self.handler = handler
        block.reserveCapacity(512)
    }

    var isDone: Bool { if case .done = state { return true } else { return false } }

    func feed(_ chunk: ArraySlice<UInt8>) throws(ArtifactStorageError) {
        var input = chunk
        while !input.isEmpty {
            switch state {
            case .done:
                return
            case .data(let remaining, let padding):
                let take = Int(min(Int64(input.count), remaining))
                try handler(.data(input.prefix(take)))
                input = input.dropFirst(take)
                let left = remaining - Int64(take)
                if left == 0 {
                    try handler(.end)
                    state = padding > 0 ? .padding(padding) : .header
                } else {
                    state = .data(remaining: left, padding: padding)
                }
            case .padding(let count):
                let take = min(input.count, count)
                input = input.dropFirst(take)
                state = count - take == 0 ? .header : .padding(count - take)
            case .special(let type, let remaining, let padding):
                let take = min(input.count, remaining)
                special += input.prefix(take)
                input = input.dropFirst(take)
                if remaining - take == 0 {
                    applySpecial(type)
                    state = padding > 0 ? .padding(padding) : .header
                } else {
                    state = .special(type: type, remaining: remaining - take, padding: padding)
                }
            case .header, .zeroBlockSeen:
                let take = min(input.count, 512 - block.count)
                block += input.prefix(take)
                input = input.dropFirst(take)
                if block.count == 512 {
                    let full = block
                    block.removeAll(keepingCapacity: true)
                    try headerBlock(full)
                }
            }
        }
    }

    /// Ends the stream: mid-member truncation is "unexpected EOF".
    func finish() throws(ArtifactStorageError) {
        switch state {
        case .done, .zeroBlockSeen: return
        case .header where block.isEmpty: return
        default: throw ArtifactStorageError(.archive, "unexpected EOF")
        }
    }

    private func headerBlock(_ b: [UInt8]) throws(ArtifactStorageError) {
        if b.allSatisfy({ $0 == 0 }) {
            if case .zeroBlockSeen = state { state = .done } else { state = .zeroBlockSeen }
            return
        }
        if case .zeroBlockSeen = state { throw ArtifactStorageError(.archive, "archive/tar: invalid tar header") }
        guard Self.checksumValid(b) else { throw ArtifactStorageError(.archive, "archive/tar: invalid tar header") }
        let type = b[156]
        var size = try Self.number(b[124..<136])
        guard size >= 0 else { throw ArtifactStorageError(.archive, "archive/tar: invalid tar header") }
        let padding = Int((512 - size % 512) % 512)
        switch type {
        case UInt8(ascii: "x"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "K"):
            guard size <= Self.maxSpecialFileSize else { throw ArtifactStorageError(.archive, "archive/tar: header field too long") }
            special.removeAll(keepingCapacity: true)
            state = size == 0 ? (padding > 0 ? .padding(padding) : .header) : .special(type: type, remaining: Int(size), padding: padding)
            if size == 0 { applySpecial(type) }
            return
        default:
            break
        }
        var name = Self.string(b[0..<100])
        if Array(b[257..<263]) == Array("ustar\0".utf8) {
            let prefix = Self.string(b[345..<500])
            if !prefix.isEmpty { name = prefix + "/" + name }
        }
        var link = Self.string(b[157..<257])
        if let longName { name = longName }
        if let longLink { link = longLink }
        if let paxPath { name = paxPath }
        if let paxLink { link = paxLink }
        if let paxSize { size = paxSize }
        longName = nil; longLink = nil; paxPath = nil; paxLink = nil; paxSize = nil
        let kind: TarEntry.Kind
        switch type {
        case 0: kind = name.hasSuffix("/") ? .directory : .regular
        case UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .regular
        case UInt8(ascii: "1"): kind = .hardLink
        case UInt8(ascii: "2"): kind = .symlink
        case UInt8(ascii: "5"): kind = .directory
        default: kind = .other(type)
        }
        switch kind {
        case .directory, .symlink, .hardLink: size = 0
        case .other(let t) where t == UInt8(ascii: "3") || t == UInt8(ascii: "4") || t == UInt8(ascii: "6"): size = 0
        default: break
        }
        let entry = TarEntry(name: name, kind: kind, mode: Int(try Self.number(b[100..<108]) & 0o7777), size: size,
                             linkName: link, modificationTime: try Self.number(b[136..<148]))
        try handler(.begin(entry))
        let dataPadding = Int((512 - size % 512) % 512)
        if size == 0 {
            try handler(.end)
            state = .header
        } else {
            state = .data(remaining: size, padding: dataPadding)
        }
    }

    private func applySpecial(_ type: UInt8) {
        switch type {
        case UInt8(ascii: "L"): longName = Self.string(special[...])
        case UInt8(ascii: "K"): longLink = Self.string(special[...])
        case UInt8(ascii: "x"):
            for (key, value) in Self.paxRecords(special) {
                switch key {
                case "path": paxPath = value
                case "linkpath": paxLink = value
                case "size": if let n = Int64(value), n >= 0 { paxSize = n }
                default: continue
                }
            }
        default: break
        }
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    static func number(_ field: ArraySlice<UInt8>) throws(ArtifactStorageError) -> Int64 {
        if let first = field.first, first & 0x80 != 0 {
            var value: Int64 = 0
            for (i, byte) in field.enumerated() {
                let b = i == 0 ? byte & 0x7f : byte
                guard value < (Int64.max >> 9) else { throw ArtifactStorageError(.archive, "archive/tar: invalid tar header") }
                value = value << 8 | Int64(b)
            }
            return value
        }
        var value: Int64 = 0
        var seenDigit = false
        for byte in field {
            if byte == 0 || byte == UInt8(ascii: " ") {
                if seenDigit { break } else { continue }
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "7"), value < (Int64.max >> 4) else {
                throw ArtifactStorageError(.archive, "archive/tar: invalid tar header")
            }
            seenDigit = true
            value = value * 8 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func checksumValid(_ b: [UInt8]) -> Bool {
        guard let stored = try? number(b[148..<156]) else { return false }
        var unsigned = 0
        var signed = 0
        for (i, byte) in b.enumerated() {
            let value = (148..<156).contains(i) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        return Int64(unsigned) == stored || Int64(signed) == stored
    }

    static func paxRecords(_ data: [UInt8]) -> [(String, String)] {
        var result: [(String, String)] = []
        var index = 0
        while index < data.count {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index, index + length <= data.count else { break }
            let record = String(decoding: data[(space + 1)..<(index + length)], as: UTF8.self)
            let trimmed = record.hasSuffix("\n") ? String(record.dropLast()) : record
            if let eq = trimmed.firstIndex(of: "=") {
                result.append((String(trimmed[..<eq]), String(trimmed[trimmed.index(after: eq)...])))
            }
            index += length
        }
        return result
    }
}
