import KubeModel

/// What a reconciliation did to one object, with Flux's verbs (`ssa.Action`).
public enum Action: String, Sendable, CaseIterable, CustomStringConvertible {
    case created
    case configured
    case unchanged
    case deleted
    /// Excluded by an annotation or label (e.g. `kustomize.toolkit.fluxcd.io/reconcile: disabled`).
    case skipped
    case unknown

    public var description: String { rawValue }

    /// kustomize-controller's `HasChanged`: everything but `skipped` and `unchanged`.
    public var hasChanged: Bool { self != .skipped && self != .unchanged }
}

/// The result for one object (`ssa.ChangeSetEntry`); its string form is `Kind/ns/name action`.
public struct ChangeSetEntry: Sendable, Equatable, CustomStringConvertible {
    public var objMetadata: ObjMetadata
    /// The API version only (`v1`, not `apps/v1`), as Flux records it in inventories.
    public var groupVersion: String
    /// `Kind/namespace/name`.
    public var subject: String
    public var action: Action

    public init(objMetadata: ObjMetadata, groupVersion: String, action: Action) {
        self.objMetadata = objMetadata
        self.groupVersion = groupVersion
        self.subject = objMetadata.subject
        self.action = action
    }

    /// The entry for `object` (identity and version read from it).
    public init(_ object: KubeObject, _ action: Action) {
        self.init(objMetadata: ObjMetadata(object), groupVersion: object.gvk.version, action: action)
    }

    public var description: String { "\(subject) \(action)" }
}

/// The results of reconciling a set of objects, in order (`ssa.ChangeSet`).
public struct ChangeSet: Sendable, Equatable, CustomStringConvertible {
    public var entries: [ChangeSetEntry]

    public init(_ entries: [ChangeSetEntry] = []) { self.entries = entries }

    /// Appends one entry.
    public mutating func add(_ entry: ChangeSetEntry) { entries.append(entry) }
    /// Appends another change set's entries, in order.
    public mutating func append(_ other: ChangeSet) { entries += other.entries }

    /// One `Kind/ns/name action` line per entry, without a trailing newline (Flux's event text).
    public var description: String { entries.map(\.description).joined(separator: "\n") }

    /// Subject → action (`ToMap`).
    public var actions: [String: Action] {
        var m: [String: Action] = [:]
        for e in entries { m[e.subject] = e.action }
        return m
    }

    /// The identities, in order (`ToObjMetadataSet`).
    public var objMetadataSet: [ObjMetadata] { entries.map(\.objMetadata) }

    /// The lines of the entries that changed something (kustomize-controller's apply event).
    public var changedLines: [String] { entries.filter { $0.action.hasChanged }.map(\.description) }
}
