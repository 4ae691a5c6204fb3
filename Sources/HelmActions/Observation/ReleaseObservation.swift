import Crypto
import StructuredData

/// What helm-controller records of a release it saw persisted (`internal/release/observation.go`):
/// name, version, info, chart metadata, config, manifest, hooks (test hooks filtered out, so a
/// manual `helm test` does not change it) and namespace. Its digest identifies the release in
/// `status.history` snapshots.
public struct ReleaseObservation: Sendable, Equatable {
    public var name: String
    public var version: Int
    /// Nil when the release carries no info (encoded as Go's zero `Info`).
    public var info: ReleaseInfo?
    /// Chart metadata as Helm encodes it (`{}` when the release has none).
    public var chartMetadata: JSONValue
    /// User-supplied values; nil when empty.
    public var config: JSONValue?
    public var manifest: String
    /// Non-test hooks; nil when there are none.
    public var hooks: [Hook]?
    public var namespace: String

    /// Observes `release`; with `ignoringTestHooks` (helm-controller's default filter) hooks for the
    /// `test` event are left out.
    public init(_ release: Release, ignoringTestHooks: Bool = true) {
        name = release.name
        version = release.version
        info = release.info
        chartMetadata = release.chart?.metadata ?? .object([:])
        config = release.config.flatMap { $0.isGoEmpty ? nil : $0 }
        manifest = release.manifest
        var kept = release.hooks
        if ignoringTestHooks { kept = kept.filter { !$0.events.contains("test") } }
        hooks = kept.isEmpty ? nil : kept
        namespace = release.namespace
    }

    /// True when this observation is of release `name` in `namespace` (and `version`, unless 0).
    public func targets(name: String, namespace: String, version: Int = 0) -> Bool {
        self.name == name && self.namespace == namespace && (version == 0 || self.version == version)
    }

    /// `json.Encoder.Encode(observation)`: Go field order, `config`/`hooks` as `null` when empty.
    public var json: JSONValue {
        [
            "name": .string(name), "version": .int(Int64(version)), "info": info?.json ?? Self.zeroInfo,
            "chartMetadata": chartMetadata, "config": config?.goSortedKeys() ?? .null, "manifest": .string(manifest),
            "hooks": hooks.map { .array($0.map(\.json)) } ?? .null, "namespace": .string(namespace),
        ]
    }

    /// Go's zero `release.Info`: zero times (Helm encodes them as `""`), every `omitempty` field (including `status`) left out.
    static let zeroInfo: JSONValue = [
        "first_deployed": .string(HelmTime.zero.description), "last_deployed": .string(HelmTime.zero.description),
        "deleted": .string(HelmTime.zero.description),
    ]

    /// `sha256:<hex>` of the encoded observation (with the encoder's trailing newline).
    public var digest: String {
        HelmDigest.sha256(json.serializedBytes(.compact) + [0x0A])
    }
}

/// The digests helm-controller computes (`opencontainers/go-digest` canonical form).
public enum HelmDigest {
    /// `sha256:<hex>` of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The digest of empty input (empty or nil values).
    public static let emptySHA256 = sha256([])

    /// `chartutil.DigestValues`: SHA-256 over the YAML encoding (goyaml v2) of `values` with keys
    /// sorted by byte order at every level, numbers encoded as Go float64s (values reach
    /// helm-controller through JSON); empty or nil values hash the empty input.
    public static func values(_ values: JSONValue?) -> String {
        guard let values, !values.isGoEmpty else { return emptySHA256 }
        guard let text = try? YAML.serialize(asFloats(values.goSortedKeys()), keyOrder: .preserved) else { return "" }
        return sha256(Array(text.utf8))
    }

    /// `chartutil.VerifyValues`: whether `digest` (`sha256:<hex>`) is the digest of `values`.
    public static func verifyValues(_ digest: String, _ values: JSONValue?) -> Bool {
        guard digest.hasPrefix("sha256:"), digest.count == 71 else { return false }
        return Self.values(values) == digest
    }

    static func asFloats(_ v: JSONValue) -> JSONValue {
        switch v {
        case .int(let i): return .double(Double(i))
        case .array(let a): return .array(a.map(asFloats))
        case .object(let o): return .object(o.mapValues(asFloats))
        default: return v
        }
    }
}
