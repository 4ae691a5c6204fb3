import Crypto

/// The digest algorithms source-controller accepts for `--artifact-digest-algo` (those
/// `opencontainers/go-digest` registers, plus `sha1`, which source-controller registers for Git
/// revisions).
public enum DigestAlgorithm: String, Sendable, CaseIterable, Hashable {
    case sha1, sha256, sha384, sha512, blake3

    /// The default (`intdigest.Canonical`).
    public static let canonical: DigestAlgorithm = .sha256

    /// Looks an algorithm up by its name as `--artifact-digest-algo` takes it.
    /// - Throws: `.invalidDigest` "unsupported digest algorithm: <name>" (go-digest's
    ///   `ErrDigestUnsupported` wrapped as source-controller's `AlgorithmForName` does).
    public init(name: String) throws(ArtifactStorageError) {
        guard let algorithm = DigestAlgorithm(rawValue: name) else {
            throw ArtifactStorageError(.invalidDigest, "unsupported digest algorithm: \(name)")
        }
        self = algorithm
    }

    /// Output size in bytes.
    public var size: Int {
        switch self {
        case .sha1: 20
        case .sha256, .blake3: 32
        case .sha384: 48
        case .sha512: 64
        }
    }

    /// A fresh streaming hasher.
    public func makeHasher() -> DigestHasher { DigestHasher(self) }

    /// The digest of `bytes`.
    public func digest<Bytes: Collection>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
        var hasher = makeHasher()
        hasher.update(bytes)
        return hasher.finalize()
    }
}

/// An incremental hasher for one `DigestAlgorithm`.
public struct DigestHasher {
    private enum State {
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
        case sha384(SHA384)
        case sha512(SHA512)
        case blake3(BLAKE3)
    }

    public let algorithm: DigestAlgorithm
    private var state: State

    public init(_ algorithm: DigestAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        case .sha512: state = .sha512(SHA512())
        case .blake3: state = .blake3(BLAKE3())
        }
    }

    /// Adds `bytes` to the input.
    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        switch state {
        case .sha1(var h): Self.feed(&h, bytes); state = .sha1(h)
        case .sha256(var h): Self.feed(&h, bytes); state = .sha256(h)
        case .sha384(var h): Self.feed(&h, bytes); state = .sha384(h)
        case .sha512(var h): Self.feed(&h, bytes); state = .sha512(h)
        case .blake3(var h): h.update(bytes); state = .blake3(h)
        }
    }

    private static func feed<H: HashFunction, Bytes: Collection>(_ h: inout H, _ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done = bytes.withContiguousStorageIfAvailable({ h.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        h.update(data: Array(bytes))
    }

    /// The digest of everything added so far.
    public func finalize() -> Digest {
        let raw: [UInt8]
        switch state {
        case .sha1(let h): raw = Array(h.finalize())
        case .sha256(let h): raw = Array(h.finalize())
        case .sha384(let h): raw = Array(h.finalize())
        case .sha512(let h): raw = Array(h.finalize())
        case .blake3(let h): raw = h.finalize()
        }
        return Digest(algorithm: algorithm, bytes: raw)
    }
}
