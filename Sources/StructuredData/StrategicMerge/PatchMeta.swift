/// How a strategic merge patch treats one field of a Kubernetes type (the Go struct tags
/// `patchStrategy` / `patchMergeKey` of the built-in API types).
public struct PatchFieldMeta: Sendable, Equatable {
    /// `patchStrategy` of the field.
    public enum Strategy: Sendable, Equatable {
        /// Maps merge key by key; lists are replaced (atomic).
        case `default`
        /// Lists merge: by `mergeKey` for lists of objects, as a set for lists of primitives.
        case merge
        /// The whole value is replaced.
        case replace
    }

    /// Name of the type of the field's value (for lists, of the elements), looked up in the
    /// schema; `nil` when the value is untyped (maps of strings, primitives).
    public var type: String?
    public var strategy: Strategy
    /// `retainKeys` strategy: keys absent from the patch's `$retainKeys` are cleared (applies to the
    /// field's object, or to each element of a merging list).
    public var retainKeys: Bool
    /// `patchMergeKey` for lists of objects merged by key.
    public var mergeKey: String?

    public init(type: String? = nil, strategy: Strategy = .default, retainKeys: Bool = false, mergeKey: String? = nil) {
        self.type = type
        self.strategy = strategy
        self.retainKeys = retainKeys
        self.mergeKey = mergeKey
    }

    /// A nested struct (or a map of values of `type`).
    static func object(_ type: String) -> PatchFieldMeta { PatchFieldMeta(type: type) }
    /// A struct with the `retainKeys` strategy.
    static func retainKeys(_ type: String) -> PatchFieldMeta { PatchFieldMeta(type: type, retainKeys: true) }
    /// A list of structs merged by `key`.
    static func mergeList(_ type: String, key: String, retainKeys: Bool = false) -> PatchFieldMeta {
        PatchFieldMeta(type: type, strategy: .merge, retainKeys: retainKeys, mergeKey: key)
    }
    /// A list of primitives merged as a set.
    static let primitiveMergeList = PatchFieldMeta(strategy: .merge)
    /// An atomic list whose elements are of `type` (only matters for documentation).
    static func list(_ type: String? = nil) -> PatchFieldMeta { PatchFieldMeta(type: type) }
}

/// A strategic-merge schema position: the type whose fields are being merged. Unknown fields
/// (and an unknown type) behave like untyped JSON: objects merge key by key, lists are replaced.
public struct PatchSchema: Sendable {
    public let typeName: String?
    let table: [String: [String: PatchFieldMeta]]

    init(typeName: String?, table: [String: [String: PatchFieldMeta]]) {
        self.typeName = typeName
        self.table = table
    }

    /// The metadata of `field` in this type (default strategy when unknown).
    public func meta(_ field: String) -> PatchFieldMeta {
        guard let typeName, let fields = table[typeName], let meta = fields[field] else { return PatchFieldMeta() }
        return meta
    }

    /// The schema of the value (or list elements) of `field`.
    public func child(_ field: String) -> PatchSchema {
        PatchSchema(typeName: meta(field).type, table: table)
    }

    /// An untyped schema: every list is atomic.
    public static let untyped = PatchSchema(typeName: nil, table: [:])

    /// Name used in error messages (`cannot merge lists without merge key for <name>`).
    var name: String { typeName ?? "" }
}
