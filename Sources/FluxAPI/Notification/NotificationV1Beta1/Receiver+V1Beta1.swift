import KubeModel
import StructuredData

extension NotificationV1Beta1 {
    /// `notification.toolkit.fluxcd.io/v1beta1 Receiver` (served, deprecated).
    public struct Receiver: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.notification, version: "v1beta1", resource: "receivers", kind: "Receiver", namespaced: true,
            verbs: FluxGroups.customResourceVerbs)
        public var apiVersion = Receiver.apiResource.apiVersion
        public var kind = Receiver.apiResource.kind
        public var metadata: ObjectMeta
        @ZeroValued public var spec: ReceiverSpec
        @ZeroValued public var status: ReceiverStatus
        public var unknownFields = UnknownFields()

        public init(metadata: ObjectMeta, spec: ReceiverSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `Receiver.spec` (notification.toolkit.fluxcd.io/v1beta1).
    public struct ReceiverSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var type: ReceiverType
        public var events: [String]?
        public var resources: [CrossNamespaceObjectReference]
        public var secretRef: LocalObjectReference?
        public var suspend: Bool?
        public var unknownFields = UnknownFields()

        public init(type: ReceiverType, resources: [CrossNamespaceObjectReference]) {
            self.type = type
            self.resources = resources
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            type = ReceiverType.generic
            resources = []
        }
    }

    /// `Receiver.status` (notification.toolkit.fluxcd.io/v1beta1).
    public struct ReceiverStatus: Codable, Sendable, Hashable, ZeroInitializable, StatusWithConditions {
        public var conditions: [Condition]?
        public var url: String?
        public var observedGeneration: Int64?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
