import KubeModel
import StructuredData

extension NotificationV1Beta1 {
    /// `Alert.spec.eventSources[]` and `Receiver.spec.resources[]` of `v1beta1`.
    public struct CrossNamespaceObjectReference: Codable, Sendable, Hashable {
        public var apiVersion: String?
        public var kind: EventSourceKind?
        public var name: String
        public var namespace: String?
        public var matchLabels: [String: String]?
        public var unknownFields = UnknownFields()

        public init(name: String) {
            self.name = name
        }
    }
}
