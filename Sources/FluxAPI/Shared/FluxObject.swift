import KubeModel

/// A Flux object with kstatus conditions in its status (`meta.ObjectWithConditions` /
/// `ObjectWithConditionsSetter`): what the runtime needs to patch conditions generically.
public protocol ObjectWithConditions: Conditioned {
    /// `status.conditions`; empty when absent. Setting an empty list removes the member.
    var conditions: [Condition] { get set }
    /// `status.observedGeneration`; `0` when absent (the CRD defaults it to `-1`).
    var observedGeneration: Int64 { get set }
}

/// A Flux object whose reconciliation can be suspended (`spec.suspend`).
public protocol Suspendable: KubeResource {
    /// `spec.suspend`, false when absent.
    var isSuspended: Bool { get }
}

/// A status carrying conditions and an observed generation.
public protocol StatusWithConditions {
    var conditions: [Condition]? { get set }
    var observedGeneration: Int64? { get set }
}

/// A spec with the optional `suspend` flag.
public protocol SpecWithSuspend {
    var suspend: Bool? { get }
}

/// A Flux object with the common status shape; gets `ObjectWithConditions` for free, and
/// `Suspendable` and the reconcile-request helpers when its spec and status have those fields.
public protocol FluxObject: ObjectWithConditions {
    associatedtype Spec
    associatedtype Status: StatusWithConditions
    var spec: Spec { get }
    var status: Status { get set }
}

extension FluxObject {
    public var conditions: [Condition] {
        get { status.conditions ?? [] }
        set { status.conditions = newValue.isEmpty ? nil : newValue }
    }

    public var observedGeneration: Int64 {
        get { status.observedGeneration ?? 0 }
        set { status.observedGeneration = newValue }
    }


    /// The `reconcile.fluxcd.io/requestedAt` annotation, if set (`meta.ReconcileAnnotationValue`).
    public var reconcileRequestedAt: String? { metadata.annotation(FluxAnnotations.reconcileRequestedAt) }
}

extension FluxObject where Spec: SpecWithSuspend {
    public var isSuspended: Bool { spec.suspend ?? false }
}

extension FluxObject where Status: ReconcileRequestStatus {
    /// Whether `reconcile.fluxcd.io/requestedAt` carries a value not yet echoed in
    /// `status.lastHandledReconcileAt`.
    public var hasPendingReconcileRequest: Bool {
        guard let requested = reconcileRequestedAt else { return false }
        return requested != status.lastHandledReconcileRequest
    }
}
