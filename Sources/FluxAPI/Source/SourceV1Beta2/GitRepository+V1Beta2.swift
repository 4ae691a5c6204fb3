import KubeModel
import StructuredData

extension SourceV1Beta2 {
    /// `source.toolkit.fluxcd.io/v1beta2 GitRepository` (served, deprecated).
    public struct GitRepository: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.source, version: "v1beta2", resource: "gitrepositories", kind: "GitRepository", namespaced: true,
            verbs: FluxGroups.customResourceVerbs, shortNames: ["gitrepo"])
        public var apiVersion = GitRepository.apiResource.apiVersion
        public var kind = GitRepository.apiResource.kind
        public var metadata: ObjectMeta
        @ZeroValued public var spec: GitRepositorySpec
        @ZeroValued public var status: GitRepositoryStatus
        public var unknownFields = UnknownFields()

        public init(metadata: ObjectMeta, spec: GitRepositorySpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `GitRepository.spec` (source.toolkit.fluxcd.io/v1beta2).
    public struct GitRepositorySpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var url: String
        public var secretRef: LocalObjectReference?
        public var interval: String
        public var timeout: String?
        public var ref: GitRepositoryRef?
        public var verify: GitRepositoryVerification?
        public var ignore: String?
        public var suspend: Bool?
        public var gitImplementation: GitImplementation?
        public var recurseSubmodules: Bool?
        public var include: [GitRepositoryInclude]?
        public var accessFrom: AccessFrom?
        public var unknownFields = UnknownFields()

        public init(url: String, interval: String) {
            self.url = url
            self.interval = interval
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            url = ""
            interval = ""
        }
    }

    /// `GitRepository.spec.gitImplementation`: `go-git`, `libgit2`.
    public enum GitImplementation: String, FluxEnum {
        case goGit = "go-git"
        case libgit2 = "libgit2"
    }

    /// `GitRepository.spec.verify` (source.toolkit.fluxcd.io/v1beta2).
    public struct GitRepositoryVerification: Codable, Sendable, Hashable {
        public var mode: GitVerificationMode
        public var secretRef: LocalObjectReference
        public var unknownFields = UnknownFields()

        public init(mode: GitVerificationMode, secretRef: LocalObjectReference) {
            self.mode = mode
            self.secretRef = secretRef
        }
    }

    /// `GitRepository.spec.verify.mode`: `head`.
    public enum GitVerificationMode: String, FluxEnum {
        case head = "head"
    }

    /// `GitRepository.status` (source.toolkit.fluxcd.io/v1beta2).
    public struct GitRepositoryStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var observedGeneration: Int64?
        public var conditions: [Condition]?
        public var url: String?
        public var artifact: Artifact?
        public var includedArtifacts: [Artifact]?
        public var contentConfigChecksum: String?
        public var observedIgnore: String?
        public var observedRecurseSubmodules: Bool?
        public var observedInclude: [GitRepositoryInclude]?
        public var lastHandledReconcileAt: String?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
