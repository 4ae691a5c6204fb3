import StructuredData

/// One Kubernetes object during a build, plus the bookkeeping kustomize keeps in build annotations
/// (previous ids, name prefixes/suffixes, generator behaviour, hash need), held here as properties
/// so that it never reaches the output.
public struct Resource: Sendable, Equatable {
    public var object: JSONObject
    /// Ids this resource had before renames (kustomize's `internal.config.kubernetes.io/previous*`).
    var previousIds: [(kind: String, name: String, namespace: String)] = []
    var namePrefixes: [String] = []
    var nameSuffixes: [String] = []
    /// Generated ConfigMap/Secret still to get its name hash suffix.
    var needsHash = false
    /// Generator `behavior` (create, merge, replace); empty for plain resources.
    var behavior = ""
    /// Ids of resources that refer to this one by name (for `vars`).
    var refBy: [ResId] = []
    var refVarNames: [String] = []

    public init(_ object: JSONObject) { self.object = object }

    public static func == (a: Resource, b: Resource) -> Bool { a.object == b.object }

    public var apiVersion: String { object["apiVersion"]?.stringValue ?? "" }
    public var kind: String { object["kind"]?.stringValue ?? "" }
    public var gvk: Gvk { Gvk(apiVersion: apiVersion, kind: kind) }

    public var name: String {
        get { metadata["name"]?.stringValue ?? "" }
        set { setMetadata("name", .string(newValue)) }
    }

    public var namespace: String {
        get { metadata["namespace"]?.stringValue ?? "" }
        set { setMetadata("namespace", newValue.isEmpty ? nil : .string(newValue)) }
    }

    var metadata: JSONObject { object["metadata"]?.objectValue ?? [:] }

    mutating func setMetadata(_ key: String, _ value: JSONValue?) {
        var meta = metadata
        meta[key] = value
        object["metadata"] = .object(meta)
    }

    /// String map at `metadata.<field>` (labels or annotations); non-string values are skipped.
    func stringMap(_ field: String) -> [(String, String)] {
        guard let map = metadata[field]?.objectValue else { return [] }
        return map.compactMap { k, v in
            switch v {
            case .string(let s): return (k, s)
            case .int(let i): return (k, String(i))
            case .bool(let b): return (k, b ? "true" : "false")
            default: return nil
            }
        }
    }

    /// kyaml's `getMapFromMeta`: every entry of `metadata.<field>`, scalars as their text and
    /// anything else as the empty string.
    func metaMap(_ field: String) -> [String: String] {
        guard let map = metadata[field]?.objectValue else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in map { out[k] = StrategicMerge.scalarText(v) }
        return out
    }

    /// kyaml's `setMapInMetadata`: the field is replaced by the entries as strings; an empty map
    /// removes it (metadata itself is created if missing).
    mutating func setMetaMap(_ field: String, _ entries: [String: String]) {
        var meta = metadata
        if entries.isEmpty {
            meta[field] = nil
        } else {
            var o = JSONObject()
            for k in entries.keys.sorted() { o[k] = .string(entries[k] ?? "") }
            meta[field] = .object(o)
        }
        object["metadata"] = .object(meta)
    }

    /// All annotations as kyaml reads them (see `metaMap`).
    var annotationPairs: [String: String] { metaMap("annotations") }

    mutating func setAnnotations(_ a: [String: String]) { setMetaMap("annotations", a) }

    public var labels: [String: String] { Dictionary(stringMap("labels"), uniquingKeysWith: { a, _ in a }) }
    public var annotations: [String: String] { Dictionary(stringMap("annotations"), uniquingKeysWith: { a, _ in a }) }

    public var curId: ResId { ResId(gvk: gvk, name: name, namespace: namespace) }

    /// The ids this resource had before, oldest first (empty when never renamed).
    var prevIds: [ResId] {
        let g = gvk
        return previousIds.map { ResId(gvk: Gvk(group: g.group, version: g.version, kind: $0.kind), name: $0.name, namespace: $0.namespace) }
    }

    /// The id the resource was loaded with.
    public var orgId: ResId { prevIds.first ?? curId }

    /// Remembers the current id before a rename, as kustomize's `StorePreviousId`.
    mutating func storePreviousId() {
        let id = curId
        previousIds.append((id.gvk.kind, id.name, id.effectiveNamespace))
    }

    /// All ids: previous ones then the current one.
    var allIds: [ResId] { prevIds + [curId] }

    func prefixesSuffixesEqual(_ other: Resource) -> Bool {
        Self.sameEnding(namePrefixes, other.namePrefixes) && Self.sameEnding(nameSuffixes, other.nameSuffixes)
    }

    private static func sameEnding(_ a: [String], _ b: [String]) -> Bool {
        // kustomize's `SameEndingSubSlice`: an empty list only matches an empty list.
        let n = min(a.count, b.count)
        if n == 0 { return a.count == b.count }
        return Array(a.suffix(n)) == Array(b.suffix(n))
    }

    /// Whether kustomize would have build annotations on this resource now (previous ids, name
    /// prefixes or suffixes, generator bookkeeping, referrers).
    var hasBuildAnnotations: Bool {
        !previousIds.isEmpty || namePrefixes.contains { !$0.isEmpty } || nameSuffixes.contains { !$0.isEmpty }
            || needsHash || !behavior.isEmpty || !refBy.isEmpty
    }

    /// Whether the kind is a ConfigMap or Secret whose name may take a hash suffix.
    var isGeneratedKind: Bool { kind == "ConfigMap" || kind == "Secret" }
}
