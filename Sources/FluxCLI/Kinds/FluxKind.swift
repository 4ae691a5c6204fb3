import KubeModel
import StructuredData

/// The commands a kind takes part in.
public enum Verb: String, Sendable, CaseIterable {
    case get, export, delete, suspend, resume, reconcile
}

/// Where a kind's commands sit in the tree: under `source`/`image` or at the top level.
public enum KindGroup: String, Sendable {
    case none, source, image
}

/// How readiness is judged (flux's `objectStatusType`): dynamic objects need a Ready condition
/// for their latest generation; static objects (Alerts, Providers, OCI HelmRepositories) are
/// judged by kstatus alone.
public enum StatusKind: Sendable {
    case dynamic
    case `static`
}

/// One Flux kind as the CLI sees it, registered once in `FluxKinds.all`: its API resource, how it
/// is named on the command line, which verbs it supports, its `get` columns and the messages its
/// commands print. Every verb's command is generated from this entry.
public struct FluxKind: Sendable {
    /// The served resource (storage version), from the FluxAPI type.
    public var resource: APIResource
    /// flux's `humanKind`: `source git`, `helmrelease`, `alert provider`.
    public var humanKind: String
    public var group: KindGroup
    /// The command name under its group for every verb but `get` (`git`, `helmrelease`).
    public var name: String
    public var aliases: [String] = []
    /// The name and aliases under `get` (`helmreleases`, aliases `hr`, `helmrelease`).
    public var getName: String
    public var getAliases: [String] = []
    public var verbs: Set<Verb>
    /// The `Short` help of each verb's command.
    public var shorts: [Verb: String]
    /// The `get` table.
    public var columns: GetColumns
    /// Whether an object is static (no reconciler); the default is never.
    public var isStatic: @Sendable (KubeObject) -> Bool = { _ in false }
    /// What `reconcile` and `resume` print after Ready (`fetched revision …`).
    public var successMessage: @Sendable (KubeObject) -> String = { _ in "" }
    /// The source `reconcile --with-source` reconciles first: its kind and name, and its
    /// namespace when set; `forced` sources are reconciled even without the flag (HelmCharts of
    /// HelmReleases reconcile their own source first).
    public var source: (@Sendable (KubeObject) -> SourceReference?)?
    /// How `events --for Kind/name` finds the objects this kind refers to.
    public var eventRefs: EventReferences = EventReferences()

    /// `Kind` (flux's `apiType.kind`).
    public var kind: String { resource.kind }

    /// The group-version-kind of the storage version.
    public var gvk: GroupVersionKind { GroupVersionKind(group: resource.group, version: resource.version, kind: resource.kind) }

    /// Whether waits treat `object` as static.
    func statusKind(_ object: KubeObject) -> StatusKind { isStatic(object) ? .static : .dynamic }
}

/// A `sourceRef`: the kind and name to reconcile first, and its namespace (empty: the same).
public struct SourceReference: Sendable, Equatable {
    public var kind: String
    public var name: String
    public var namespace: String

    public init(kind: String, name: String, namespace: String) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }
}

/// flux's `refInfo` for `events --for`: the spec field holding a reference (`spec.sourceRef`),
/// a fixed referenced kind when the field has none, whether the reference may name another
/// namespace, and extra objects (`HelmChart/<ns>-<name>` of a HelmRelease).
public struct EventReferences: Sendable {
    public var field: [String] = []
    public var kind: String = ""
    public var crossNamespaced: Bool = false
    public var others: (@Sendable (_ namespace: String, _ name: String) -> [String])?

    public init(field: [String] = [], kind: String = "", crossNamespaced: Bool = false,
                others: (@Sendable (String, String) -> [String])? = nil) {
        self.field = field
        self.kind = kind
        self.crossNamespaced = crossNamespaced
        self.others = others
    }
}

/// A `get` table: headers (without `Namespace`) and one row per object (without the name columns).
public struct GetColumns: Sendable {
    public var headers: [String]
    public var row: @Sendable (KubeObject, RowContext) -> [String]
    /// Whether `--status-selector` can match (Alerts and Providers never match).
    public var selectable: Bool = true

    public init(headers: [String], selectable: Bool = true, row: @escaping @Sendable (KubeObject, RowContext) -> [String]) {
        self.headers = headers
        self.selectable = selectable
        self.row = row
    }
}

/// What row builders need beyond the object: the zone times are printed in.
public struct RowContext: Sendable {
    public var timeZone: TimeZoneInfo
}
