import GoCompat
import HelmEngine
import SemVer
import StructuredData

/// One chart entry of a repository index (Helm's `repo.ChartVersion`): the chart's metadata
/// plus its download URLs, creation time, digest and the deprecated fields a strict parser
/// must still accept.
public struct ChartVersion: Sendable {
    public var metadata: ChartMetadata
    public var urls: [String]?
    /// RFC 3339 as Go writes it; `0001-01-01T00:00:00Z` when absent.
    public var created: String
    public var removed: Bool
    public var digest: String
    public var checksum: String
    public var engine: String
    public var tillerVersion: String
    public var urlDeprecated: String

    public init(metadata: ChartMetadata, urls: [String]? = nil, created: String = "0001-01-01T00:00:00Z", digest: String = "") {
        self.metadata = metadata
        self.urls = urls
        self.created = created
        self.removed = false
        self.digest = digest
        self.checksum = ""
        self.engine = ""
        self.tillerVersion = ""
        self.urlDeprecated = ""
    }

    public var name: String { metadata.name }
    public var version: String { metadata.version }

    /// The creation time for ordering (the zero time when unparsable).
    var createdTime: GoTime { (try? GoTime.parseRFC3339(created)) ?? GoTime(unixSeconds: -62_135_596_800) }
}

/// A Helm repository index (`repo.IndexFile`).
public struct IndexFile: Sendable {
    public var serverInfo: JSONObject?
    public var apiVersion: String
    /// RFC 3339 as Go writes it.
    public var generated: String
    /// Chart name → versions (newest first once sorted). A nil element is a `null` entry.
    public var entries: [String: [ChartVersion?]]?
    public var publicKeys: [String]?
    public var annotations: [String: String]?

    public init(apiVersion: String = "v1", generated: String = "0001-01-01T00:00:00Z", entries: [String: [ChartVersion?]] = [:]) {
        self.apiVersion = apiVersion
        self.generated = generated
        self.entries = entries
    }

    /// The versions of `name`, nil entries dropped.
    public func versions(of name: String) -> [ChartVersion]? {
        entries?[name].map { $0.compactMap { $0 } }
    }

    /// Drops invalid entries and sorts (`IndexFromBytes`): each entry gets apiVersion `v1` when
    /// it has none and is validated as chart metadata (strings sanitised); failures are removed
    /// with the exact slice aliasing of source-controller's loop (the map keeps its length, so
    /// later elements shift and the last is repeated).
    mutating func validateAndSort() {
        guard var all = entries else { return }
        for (name, list) in all {
            var backing = list
            var length = backing.count
            var index = length - 1
            while index >= 0 {
                if var entry = backing[index] {
                    if entry.metadata.apiVersion.isEmpty { entry.metadata.apiVersion = "v1" }
                    do {
                        try entry.metadata.validateMetadata()
                        backing[index] = entry
                    } catch {
                        backing[index] = entry
                        for k in index..<(length - 1) { backing[k] = backing[k + 1] }
                        length -= 1
                    }
                }
                index -= 1
            }
            all[name] = Self.sorted(backing)
        }
        entries = all
    }

    /// `sort.Sort(sort.Reverse(versions))` with `ChartVersions.Less` (lenient semver; an
    /// unparsable version sorts last). Short lists use Go's insertion sort step for step.
    static func sorted(_ list: [ChartVersion?]) -> [ChartVersion?] {
        let parsed = list.map { $0.flatMap { try? Version($0.version) } }
        var order = Array(list.indices)
        // less(a, b) of ChartVersions; reversed: a goes first when less(b, a).
        func less(_ a: Int, _ b: Int) -> Bool {
            guard let x = parsed[a] else { return true }
            guard let y = parsed[b] else { return false }
            return x < y
        }
        if order.count <= 12 {
            for i in 1..<max(order.count, 1) {
                var j = i
                while j > 0, less(order[j - 1], order[j]) {
                    order.swapAt(j, j - 1)
                    j -= 1
                }
            }
        } else {
            order.sort { less($1, $0) }
        }
        return order.map { list[$0] }
    }
}
