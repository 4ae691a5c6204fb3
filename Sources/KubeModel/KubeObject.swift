import StructuredData

/// A dynamic Kubernetes object (`unstructured.Unstructured`): raw JSON with typed metadata accessors.
///
/// Getters never fail: a missing or mistyped field reads as its zero value (`""`, `0`, `[:]`, `[]`,
/// `nil`). Setters write the field, creating `metadata` when needed; setting an empty value
/// (`""`, `[:]`, `[]`, `nil`) removes the field, as `unstructured` does.
public struct KubeObject: Sendable, Equatable, Hashable {
    public var raw: JSONValue

    public init(_ raw: JSONValue) { self.raw = raw }

    /// A new object with `apiVersion`, `kind`, and optionally `metadata.name`/`namespace`.
    public init(apiVersion: String, kind: String, name: String = "", namespace: String = "") {
        raw = .object(["apiVersion": .string(apiVersion), "kind": .string(kind), "metadata": .object([:])])
        self.name = name
        self.namespace = namespace
    }

    // MARK: generic field helpers

    func string(_ path: [String]) -> String { raw[path: path]?.stringValue ?? "" }

    mutating func setString(_ path: [String], _ value: String) {
        raw[path: path] = value.isEmpty ? nil : .string(value)
    }

    func stringMap(_ path: [String]) -> [String: String] {
        guard let o = raw[path: path]?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (k, v) in o { if let s = v.stringValue { result[k] = s } }
        return result
    }

    mutating func setStringMap(_ path: [String], _ value: [String: String]) {
        if value.isEmpty {
            raw[path: path] = nil
            return
        }
        var o: JSONObject = [:]
        for k in value.keys.sorted() { o[k] = .string(value[k] ?? "") }
        raw[path: path] = .object(o)
    }

    // MARK: type meta

    public var apiVersion: String {
        get { string(["apiVersion"]) }
        set { setString(["apiVersion"], newValue) }
    }

    public var kind: String {
        get { string(["kind"]) }
        set { setString(["kind"], newValue) }
    }

    /// The group-version-kind from `apiVersion` and `kind`; setting writes both.
    public var gvk: GroupVersionKind {
        get { GroupVersionKind(apiVersion: apiVersion, kind: kind) }
        set {
            apiVersion = newValue.apiVersion
            kind = newValue.kind
        }
    }

    // MARK: spec / status

    /// `spec`, raw; `nil` when absent.
    public var spec: JSONValue? {
        get { raw["spec"] }
        set { raw["spec"] = newValue }
    }

    /// `status`, raw; `nil` when absent.
    public var status: JSONValue? {
        get { raw["status"] }
        set { raw["status"] = newValue }
    }

    /// `metadata`, raw.
    public var metadata: JSONValue {
        get { raw["metadata"] ?? .object([:]) }
        set { raw["metadata"] = newValue }
    }
}
