import GoCompat
import KubeModel
import StructuredData

/// The type of an event: Kubernetes' `Normal`/`Warning`, plus Flux's `Trace` (recorded as a
/// Normal Kubernetes event and never forwarded to the notification-controller).
public enum EventType: String, Sendable {
    case normal = "Normal"
    case warning = "Warning"
    case trace = "Trace"

    /// The notification-controller severity: `Warning`→`error`, `Trace`→`trace`, else `info`.
    var severity: String {
        switch self {
        case .warning: return "error"
        case .trace: return "trace"
        case .normal: return "info"
        }
    }

    /// The type written on the Kubernetes Event.
    var kubernetesType: String { self == .warning ? "Warning" : "Normal" }
}

/// `corev1.ObjectReference` of the object an event is about.
public struct ObjectReference: Sendable, Hashable, Codable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(kind: String, namespace: String, name: String, uid: String, apiVersion: String, resourceVersion: String) {
        self.kind = kind.isEmpty ? nil : kind
        self.namespace = namespace.isEmpty ? nil : namespace
        self.name = name.isEmpty ? nil : name
        self.uid = uid.isEmpty ? nil : uid
        self.apiVersion = apiVersion.isEmpty ? nil : apiVersion
        self.resourceVersion = resourceVersion.isEmpty ? nil : resourceVersion
    }

    /// The reference of a dynamic object (client-go `reference.GetReference`).
    public init(_ object: KubeObject) {
        self.init(kind: object.kind, namespace: object.namespace, name: object.name, uid: object.uid,
                  apiVersion: object.apiVersion, resourceVersion: object.resourceVersion)
    }
}

/// The event a controller POSTs to the notification-controller (`fluxcd/pkg/apis/event/v1beta1`),
/// encoded in Go's key order.
public struct FluxEvent: Sendable, Codable, Equatable {
    public var involvedObject: ObjectReference
    public var severity: String
    /// RFC 3339, second precision, UTC.
    public var timestamp: String
    public var message: String
    public var reason: String
    public var metadata: [String: String]?
    public var reportingController: String
    public var reportingInstance: String?

    /// Go `encoding/json` bytes (HTML characters escaped as Go does).
    public func jsonBytes() throws(CodingFailure) -> [UInt8] {
        try JSONValueEncoder().encode(self).serializedBytes(JSONWriteOptions(escapeHTML: true))
    }
}
