/// A content digest `<algorithm>:<lowercase hex>` (`opencontainers/go-digest.Digest`).
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    public let algorithm: DigestAlgorithm
    /// The lowercase hex encoding of the hash.
    public let encoded: String

    /// A digest from raw hash bytes.
    public init(algorithm: DigestAlgorithm, bytes: [UInt8]) {
        self.algorithm = algorithm
        self.encoded = Self.hex(bytes)
    }

    /// Parses and validates `text` as go-digest's `Parse` does.
    /// - Throws: `.invalidDigest` with go-digest's wording: "invalid checksum digest format",
    ///   "unsupported digest algorithm" or "invalid checksum digest length".
    public init(parsing text: String) throws(ArtifactStorageError) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
              text.index(after: colon) != text.endIndex else {
            throw ArtifactStorageError(.invalidDigest, "invalid checksum digest format")
        }
        let name = String(text[..<colon])
        let encoded = String(text[text.index(after: colon)...])
        guard let algorithm = DigestAlgorithm(rawValue: name) else {
            throw ArtifactStorageError(.invalidDigest, Self.matchesGrammar(text)
                ? "unsupported digest algorithm" : "invalid checksum digest format")
        }
        guard encoded.utf8.count == algorithm.size * 2 else {
            throw ArtifactStorageError(.invalidDigest, "invalid checksum digest length")
        }
        guard encoded.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw ArtifactStorageError(.invalidDigest, "invalid checksum digest format")
        }
        self.algorithm = algorithm
        self.encoded = encoded
    }

    /// `algorithm:encoded`.
    public var description: String { "\(algorithm.rawValue):\(encoded)" }

    /// go-digest's `DigestRegexp`: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`.
    static func matchesGrammar(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon].utf8
        let encoded = text[text.index(after: colon)...].utf8
        func lowerAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) }
        func separator(_ c: UInt8) -> Bool {
            c == UInt8(ascii: ".") || c == UInt8(ascii: "+") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
        var previousSeparator = true
        for c in algorithm {
            if lowerAlnum(c) {
                previousSeparator = false
            } else if separator(c), !previousSeparator {
                previousSeparator = true
            } else {
                return false
            }
        }
        guard !algorithm.isEmpty, !previousSeparator, !encoded.isEmpty else { return false }
        return encoded.allSatisfy { c in
            lowerAlnum(c) || (c >= 0x41 && c <= 0x5a) || c == UInt8(ascii: "=") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
