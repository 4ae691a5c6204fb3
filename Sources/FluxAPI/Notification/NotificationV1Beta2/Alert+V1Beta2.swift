import KubeModel
import StructuredData

extension NotificationV1Beta2 {
    /// `notification.toolkit.fluxcd.io/v1beta2 Alert` (served, deprecated).
    public struct Alert: KubeResource, Hashable, FluxObject, Suspendable {
        public static let apiResource = APIResource(
            group: FluxGroups.notification, version: "v1beta2", resource: "alerts", kind: "Alert", namespaced: true,
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

    /// `Alert.status` (notification.toolkit.fluxcd.io/v1beta2).
    public struct AlertStatus: Codable, Sendable, Hashable, ZeroInitializable, ReconcileRequestStatus, StatusWithConditions {
        public var lastHandledReconcileAt: String?
        public var conditions: [Condition]?
        public var observedGeneration: Int64?
        public var unknownFields = UnknownFields()

        public init() {}
    }
}
