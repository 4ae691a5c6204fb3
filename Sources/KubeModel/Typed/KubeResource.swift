import StructuredData

/// A typed Kubernetes resource: a `Codable` Swift type that knows its API resource.
///
/// Contract: conformers decode from and encode to the object's JSON with `JSONValueDecoder` /
/// `JSONValueEncoder` (Go `encoding/json` rules, unknown members kept through `UnknownFields`), so
/// `init(object:)` followed by `object()` is lossless. Decoding failures are `CodingFailure`s naming
/// the JSON path; they are the reason a controller reports for an object it cannot read.
public protocol KubeResource: Codable, Sendable {
    static var apiResource: APIResource { get }
    var metadata: ObjectMeta { get set }
}

extension KubeResource {
    /// Decodes the typed value from a dynamic object.
    public init(object: KubeObject) throws(CodingFailure) {
        self = try JSONValueDecoder().decode(Self.self, from: object.raw)
    }

    /// Decodes the typed value from JSON.
    public init(json: JSONValue) throws(CodingFailure) {
        self = try JSONValueDecoder().decode(Self.self, from: json)
    }

    /// The dynamic object (with `apiVersion` and `kind` as encoded).
    public func object() throws(CodingFailure) -> KubeObject {
        KubeObject(try JSONValueEncoder().encode(self))
    }

    public var name: String { metadata.name ?? "" }
    public var namespace: String { metadata.namespace ?? "" }
    /// `namespace/name`, or `name` for cluster-scoped objects.
    public var namespacedName: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
    public var generation: Int64 { metadata.generation ?? 0 }
    public var isBeingDeleted: Bool { metadata.deletionTimestamp != nil }
}
