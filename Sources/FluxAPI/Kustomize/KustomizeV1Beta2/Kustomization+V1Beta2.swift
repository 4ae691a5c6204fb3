import KubeModel
import StructuredData

extension KustomizeV1Beta2 {
    /// `kustomize.toolkit.fluxcd.io/v1beta2 Kustomization` (served, deprecated).
    public struct Kustomization: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.kustomize, version: "v1beta2", resource: "kustomizations", kind: "Kustomization", namespaced: true,
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

    /// `Kustomization.spec` (kustomize.toolkit.fluxcd.io/v1beta2).
    public struct KustomizationSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var commonMetadata: CommonMetadata?
        public var dependsOn: [NamespacedObjectReference]?
        public var decryption: Decryption?
        public var interval: String
        public var retryInterval: String?
        public var kubeConfig: KubeConfigReference?
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
        public var force: Bool?
        public var wait: Bool?
        public var components: [String]?
        public var validation: ValidationMode?
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
}
