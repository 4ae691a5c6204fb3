import OrderedCollections
import Synchronization

/// Blobs recently pulled, by registry, repository and digest, so that many pulls of one chart
/// version (a thousand HelmCharts from one OCI HelmRepository) fetch its manifest each time, as
/// Helm does, but its blobs once.
///
/// Contract: only content whose digest was verified is kept, so what is served is the blob the
/// digest names; a blob is served only for the repository it was pulled from (and only after the
/// caller fetched that repository's manifest with its own credentials, which is how a digest is
/// learnt). At most `capacity` bytes are kept and no blob over `largest`; the least recently used
/// go first.
public final class BlobCache: Sendable {
    /// The cache the source-controller's clients share.
    public static let shared = BlobCache(capacity: 16 << 20, largest: 1 << 20)

    public let capacity: Int
    public let largest: Int
    private let state = Mutex<(blobs: OrderedDictionary<String, [UInt8]>, bytes: Int)>(([:], 0))

    public init(capacity: Int, largest: Int) {
        self.capacity = capacity
        self.largest = largest
    }

    static func key(_ ref: ImageReference, _ digest: String) -> String {
        "\(ref.registry)/\(ref.repository)@\(digest)"
    }

    func get(_ ref: ImageReference, digest: String) -> [UInt8]? {
        let key = Self.key(ref, digest)
        return state.withLock { state in
            guard let blob = state.blobs.removeValue(forKey: key) else { return nil }
            state.blobs[key] = blob  // most recently used last
            return blob
        }
    }

    /// Keeps a blob whose digest the caller verified.
    func put(_ ref: ImageReference, digest: String, _ blob: [UInt8]) {
        guard blob.count <= largest else { return }
        let key = Self.key(ref, digest)
        state.withLock { state in
            if let old = state.blobs.removeValue(forKey: key) { state.bytes -= old.count }
            state.blobs[key] = blob
            state.bytes += blob.count
            while state.bytes > capacity, let first = state.blobs.elements.first {
                state.blobs.removeFirst()
                state.bytes -= first.value.count
            }
        }
    }

    /// How many blobs and bytes are kept.
    public var usage: (blobs: Int, bytes: Int) { state.withLock { ($0.blobs.count, $0.bytes) } }
}
