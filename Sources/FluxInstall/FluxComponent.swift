import FluxCRDs

/// One Flux controller as `flux install` deploys it, run here by the SwiftFlux image.
public enum FluxComponent: String, CaseIterable, Sendable {
    case sourceController = "source-controller"
    case kustomizeController = "kustomize-controller"
    case helmController = "helm-controller"
    case notificationController = "notification-controller"
    case imageReflectorController = "image-reflector-controller"
    case imageAutomationController = "image-automation-controller"

    /// `flux install`'s default `--components`.
    public static let defaults: [FluxComponent] = [.sourceController, .kustomizeController, .helmController, .notificationController]
    /// `flux install`'s optional components (`--components-extra`).
    public static let extras: [FluxComponent] = [.imageReflectorController, .imageAutomationController]

    /// The controller's name for `swiftflux controllers --controllers`: the component without `-controller`.
    public var controllerName: String { String(rawValue.dropLast("-controller".count)) }

    /// The CRDs the controller owns.
    public var crds: [FluxCRD] { FluxCRDCatalog.owned(by: rawValue) }

    /// `terminationGracePeriodSeconds` of the upstream Deployment.
    var terminationGracePeriodSeconds: Int64 {
        switch self {
        case .kustomizeController: 60
        case .helmController: 600
        default: 10
        }
    }

    /// CPU request of the upstream Deployment.
    var cpuRequest: String { self == .sourceController ? "50m" : "100m" }

    /// Whether the upstream Deployment uses the `Recreate` strategy (source-controller's storage).
    var recreates: Bool { self == .sourceController }

    /// Container ports: `(name, port)`.
    var ports: [(String, Int64)] {
        switch self {
        case .sourceController: [("http", 9090), ("http-prom", 8080), ("healthz", 9440)]
        case .notificationController: [("http", 9090), ("http-webhook", 9292), ("http-prom", 8080), ("healthz", 9440)]
        default: [("http-prom", 8080), ("healthz", 9440)]
        }
    }

    /// Whether Flux's install patch sets `priorityClassName: system-cluster-critical` (source-,
    /// kustomize- and helm-controller).
    var isCritical: Bool { [.sourceController, .kustomizeController, .helmController].contains(self) }

    /// Whether Flux's install patch adds `--events-addr` (every controller but notification-controller).
    var sendsEvents: Bool { self != .notificationController }
}
