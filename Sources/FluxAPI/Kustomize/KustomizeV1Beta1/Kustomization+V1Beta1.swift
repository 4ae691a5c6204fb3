import KubeModel
import StructuredData

extension KustomizeV1Beta1 {
    /// `kustomize.toolkit.fluxcd.io/v1beta1 Kustomization` (served, deprecated).
    public struct Kustomization: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.kustomize, version: "v1beta1", resource: "kustomizations", kind: "Kustomization", namespaced: true,
            verbs: FluxGroups.customResourceVerbs, shortNames: ["ks"])
        public var apiVersion = Kustomization.apiResource.apiVersion
        public var kind = Kustomization.apiResource.kind
        public var metadata: ObjectMeta
        @ZeroValued public var spec: KustomizationSpec
        @ZeroValued public var status: KustomizationStatus
        public var unknownFields = UnknownFields()

        public init(metadata: ObjectMeta, spec: KustomizationSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `Kustomization.spec` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct KustomizationSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var dependsOn: [NamespacedObjectReference]?
        public var decryption: Decryption?
        public var interval: String
        public var retryInterval: String?
        public var kubeConfig: KubeConfig?
        public var path: String?
        public var postBuild: PostBuild?
        public var prune: Bool
        public var healthChecks: [NamespacedObjectKindReference]?
        public var patches: [Patch]?
        public var patchesStrategicMerge: [JSONValue]?
        public var patchesJson6902: [JSON6902Patch]?
        public var images: [Image]?
        public var serviceAccountName: String?
        public var sourceRef: CrossNamespaceSourceReference
        public var suspend: Bool?
        public var targetNamespace: String?
        public var timeout: String?
        public var validation: ValidationMode?
        public var force: Bool?
        public var unknownFields = UnknownFields()

        public init(interval: String, prune: Bool, sourceRef: CrossNamespaceSourceReference) {
            self.interval = interval
            self.prune = prune
            self.sourceRef = sourceRef
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            interval = ""
            prune = false
            sourceRef = CrossNamespaceSourceReference()
        }
    }

    /// `Kustomization.spec.validation`: `none`, `client`, `server`.
    public enum ValidationMode: String, FluxEnum {
        case skip = "none"
        case client = "client"
        case server = "server"
    }

    /// `Kustomization.spec.kubeConfig` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct KubeConfig: Codable, Sendable, Hashable {
        public var secretRef: LocalObjectReference?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `Kustomization.spec.postBuild` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct PostBuild: Codable, Sendable, Hashable {
        public var substitute: [String: String]?
        public var substituteFrom: [SubstituteReference]?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `Kustomization.spec.postBuild.substituteFrom[]` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct SubstituteReference: Codable, Sendable, Hashable {
        public var kind: ConfigObjectKind
        public var name: String
        public var unknownFields = UnknownFields()

        public init(kind: ConfigObjectKind, name: String) {
            self.kind = kind
            self.name = name
        }
    }

    /// `Kustomization.spec.sourceRef` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct CrossNamespaceSourceReference: Codable, Sendable, Hashable, ZeroInitializable {
        public var apiVersion: String?
        public var kind: KustomizationSourceKind
        public var name: String
        public var namespace: String?
        public var unknownFields = UnknownFields()

        public init(kind: KustomizationSourceKind, name: String) {
            self.kind = kind
            self.name = name
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            kind = KustomizationSourceKind.gitRepository
            name = ""
        }
    }

    /// `Kustomization.spec.sourceRef.kind`: `GitRepository`, `Bucket`.
    public enum KustomizationSourceKind: String, FluxEnum {
        case gitRepository = "GitRepository"
        case bucket = "Bucket"
    }

    /// `Kustomization.status` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct KustomizationStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var lastAppliedRevision: String?
        public var lastAttemptedRevision: String?
        public var lastHandledReconcileAt: String?
        public var snapshot: Snapshot?
        public var unknownFields = UnknownFields()

        public init() {}
    }

    /// `Kustomization.status.snapshot` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct Snapshot: Codable, Sendable, Hashable {
        public var checksum: String
        public var entries: [SnapshotEntry]
        public var unknownFields = UnknownFields()

        public init(checksum: String, entries: [SnapshotEntry]) {
            self.checksum = checksum
            self.entries = entries
        }
    }

    /// `Kustomization.status.snapshot.entries[]` (kustomize.toolkit.fluxcd.io/v1beta1).
    public struct SnapshotEntry: Codable, Sendable, Hashable {
        public var namespace: String?
        public var kinds: [String: String]
        public var unknownFields = UnknownFields()

        public init(kinds: [String: String]) {
            self.kinds = kinds
        }
    }
}
