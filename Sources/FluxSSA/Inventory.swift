import KubeModel
import StructuredData

/// A Kustomization's `status.inventory` (`ResourceInventory`): what it applied, as
/// `{id: "<ns>_<name>_<group>_<kind>", v: "<version>"}` entries in change-set order.
public struct Inventory: Sendable, Equatable {
    /// One applied object (`ResourceRef`).
    public struct Entry: Sendable, Equatable, Codable {
        /// `ObjMetadata` string form.
        public var id: String
        /// The API version only (`v1`).
        public var v: String

        public init(id: String, v: String) {
            self.id = id
            self.v = v
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// The inventory of a change set (`inventory.AddChangeSet` on an empty inventory).
    public init(_ changeSet: ChangeSet) {
        entries = changeSet.entries.map { Entry(id: $0.objMetadata.description, v: $0.groupVersion) }
    }

    /// Reads `{"entries": [{"id": …, "v": …}]}`; entries without an `id` are dropped.
    public init(json: JSONValue) {
        entries = (json["entries"]?.arrayValue ?? []).compactMap { e in
            guard let id = e["id"]?.stringValue else { return nil }
            return Entry(id: id, v: e["v"]?.stringValue ?? "")
        }
    }

    /// `{"entries": [{"id": …, "v": …}]}`.
    public var json: JSONValue {
        ["entries": .array(entries.map { ["id": .string($0.id), "v": .string($0.v)] })]
    }

    /// Appends the entries of a change set (`inventory.AddChangeSet`).
    public mutating func add(_ changeSet: ChangeSet) {
        entries += Inventory(changeSet).entries
    }

    /// The identities, in entry order (`inventory.ListMetadata`).
    public func metadata() throws(FluxSSAError) -> [ObjMetadata] {
        var out: [ObjMetadata] = []
        for e in entries { out.append(try ObjMetadata.parse(e.id)) }
        return out
    }

    /// Metadata-only objects for every entry, in `ReconcileOrder` (`inventory.List`): what the
    /// finalizer deletes.
    public func objects() throws(FluxSSAError) -> [KubeObject] {
        var out: [KubeObject] = []
        for e in entries { out.append(KubeObject(try ObjMetadata.parse(e.id), version: e.v)) }
        return ReconcileOrder.sorted(out)
    }

    /// The objects of this inventory missing from `target` (`inventory.Diff`): what prune deletes
    /// after applying `target`. Versions come from this inventory; order is `ReconcileOrder`.
    public func stale(comparedTo target: Inventory) throws(FluxSSAError) -> [KubeObject] {
        let current = try metadata()
        let keep = Set(try target.metadata())
        var seen: Set<ObjMetadata> = []
        var out: [KubeObject] = []
        for id in current where !keep.contains(id) && seen.insert(id).inserted {
            let version = entries.first { $0.id == id.description }?.v ?? ""
            out.append(KubeObject(id, version: version))
        }
        return ReconcileOrder.sorted(out)
    }
}
