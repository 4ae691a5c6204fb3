import KubeModel
import StructuredData

extension NotificationV1Beta1 {
    /// `notification.toolkit.fluxcd.io/v1beta1 Alert` (served, deprecated).
    public struct Alert: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.notification, version: "v1beta1", resource: "alerts", kind: "Alert", namespaced: true,
            verbs: FluxGroups.customResourceVerbs)
        public var apiVersion = Alert.apiResource.apiVersion
        public var kind = Alert.apiResource.kind
        public var metadata: ObjectMeta
        @ZeroValued public var spec: AlertSpec
        @ZeroValued public var status: AlertStatus
        public var unknownFields = UnknownFields()

        public init(metadata: ObjectMeta, spec: AlertSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `Alert.spec` (notification.toolkit.fluxcd.io/v1beta1).
    public struct AlertSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
        public var providerRef: LocalObjectReference
        public var eventSeverity: EventSeverity?
        public var eventSources: [CrossNamespaceObjectReference]
        public var exclusionList: [String]?
        public var summary: String?
        public var suspend: Bool?
        public var unknownFields = UnknownFields()

        public init(providerRef: LocalObjectReference, eventSources: [CrossNamespaceObjectReference]) {
            self.providerRef = providerRef
            self.eventSources = eventSources
        }

        /// The zero value (Go's), used when the field is absent.
        public init() {
            providerRef = LocalObjectReference()
            eventSources = []
        }
    }

    /// `Alert.status` (notification.toolkit.fluxcd.io/v1beta1).
    public struct AlertStatus: Codable, Sendable, Hashable, ZeroInitializable, StatusWithConditions {
        public var conditions: [Condition]?
        public var observedGeneration: Int64?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
