/// A field manager and operation whose managedFields entries Flux takes over (`ssa.FieldManager`).
/// `name` matches as a prefix (`kubectl` covers `kubectl-client-side-apply`, `kubectl-edit`, …).
public struct FieldManager: Sendable, Equatable {
    public enum Operation: String, Sendable {
        case apply = "Apply"
        case update = "Update"
    }

    public var name: String
    public var operation: Operation

    public init(name: String, operation: Operation) {
        self.name = name
        self.operation = operation
    }
}

/// Metadata removed from live objects before applying (`ssa.ApplyCleanupOptions`).
public struct ApplyCleanupOptions: Sendable, Equatable {
    /// Annotation keys to remove.
    public var annotations: [String]
    /// Label keys to remove.
    public var labels: [String]
    /// Managers whose fields are handed to the applying field manager.
    public var fieldManagers: [FieldManager]
    /// Objects (desired or live) carrying any of these labels/annotations are not cleaned up.
    public var exclusions: [String: String]

    public init(annotations: [String] = [], labels: [String] = [], fieldManagers: [FieldManager] = [],
                exclusions: [String: String] = [:]) {
        self.annotations = annotations
        self.labels = labels
        self.fieldManagers = fieldManagers
        self.exclusions = exclusions
    }
}

/// Options of `apply`, `applyAll` and `applyAllStaged` (`ssa.ApplyOptions`).
public struct ApplyOptions: Sendable, Equatable {
    /// Recreate objects whose apply fails on an immutable field.
    public var force: Bool
    /// Objects (desired or live) with a matching label/annotation are recreated on immutable errors.
    public var forceSelector: [String: String]
    /// Objects (desired or live) with a matching label/annotation are skipped.
    public var exclusionSelector: [String: String]
    /// Desired objects with a matching label/annotation are only created, never patched.
    public var ifNotPresentSelector: [String: String]
    /// Poll interval of the waits between stages and of the recreate wait.
    public var waitInterval: Duration
    /// Timeout of those waits.
    public var waitTimeout: Duration
    public var cleanup: ApplyCleanupOptions

    /// `ssa.DefaultApplyOptions`: no force, no selectors, 2 s / 60 s waits, no cleanup.
    public init(force: Bool = false, forceSelector: [String: String] = [:], exclusionSelector: [String: String] = [:],
                ifNotPresentSelector: [String: String] = [:], waitInterval: Duration = .seconds(2),
                waitTimeout: Duration = .seconds(60), cleanup: ApplyCleanupOptions = ApplyCleanupOptions()) {
        self.force = force
        self.forceSelector = forceSelector
        self.exclusionSelector = exclusionSelector
        self.ifNotPresentSelector = ifNotPresentSelector
        self.waitInterval = waitInterval
        self.waitTimeout = waitTimeout
        self.cleanup = cleanup
    }

    /// What kustomize-controller v1.2 passes (`KustomizationReconciler.apply`):
    /// `<group>/reconcile: disabled` and `<group>/ssa: Ignore` skip, `<group>/ssa: IfNotPresent`
    /// only creates, `<group>/force: enabled` recreates; cleanup removes `kubectl`'s
    /// last-applied annotation, the old Flux v1 checksums and `fluxcd.io/sync-gc-mark`, and takes
    /// over the fields of `kubectl` (Apply and Update), `before-first-apply`, the controller's own
    /// Update entries and each override manager, unless `<group>/ssa: Merge`.
    /// - Parameters:
    ///   - group: the annotation prefix, `kustomize.toolkit.fluxcd.io`.
    ///   - controllerName: the field manager, `kustomize-controller`.
    ///   - overrideManagers: `--override-manager` values.
    ///   - timeout: the Kustomization's `spec.timeout` (stage waits).
    public static func kustomizeController(force: Bool, group: String = FluxMetadata.kustomizeGroup,
                                           controllerName: String = "kustomize-controller",
                                           overrideManagers: [String] = [], timeout: Duration = .seconds(60)) -> ApplyOptions {
        var managers = [
            FieldManager(name: "kubectl", operation: .apply),
            FieldManager(name: "kubectl", operation: .update),
            FieldManager(name: "before-first-apply", operation: .update),
            FieldManager(name: controllerName, operation: .update),
        ]
        for m in overrideManagers {
            managers.append(FieldManager(name: m, operation: .apply))
            managers.append(FieldManager(name: m, operation: .update))
        }
        return ApplyOptions(
            force: force,
            forceSelector: ["\(group)/force": FluxMetadata.enabled],
            exclusionSelector: ["\(group)/reconcile": FluxMetadata.disabled, "\(group)/ssa": FluxMetadata.ignore],
            ifNotPresentSelector: ["\(group)/ssa": FluxMetadata.ifNotPresent],
            waitInterval: .seconds(2), waitTimeout: timeout,
            cleanup: ApplyCleanupOptions(
                annotations: ["kubectl.kubernetes.io/last-applied-configuration", "kustomize.toolkit.fluxcd.io/checksum",
                              "fluxcd.io/sync-checksum"],
                labels: ["fluxcd.io/sync-gc-mark"],
                fieldManagers: managers,
                exclusions: ["\(group)/ssa": FluxMetadata.merge]))
    }
}

/// Flux's metadata keys and values for applied objects.
public enum FluxMetadata {
    public static let kustomizeGroup = "kustomize.toolkit.fluxcd.io"
    public static let helmGroup = "helm.toolkit.fluxcd.io"
    public static let enabled = "enabled"
    public static let disabled = "disabled"
    public static let override = "Override"
    public static let merge = "Merge"
    public static let ifNotPresent = "IfNotPresent"
    public static let ignore = "Ignore"
    /// `helm.toolkit.fluxcd.io/driftDetection`; `disabled` excludes an object from drift detection.
    public static let driftDetectionKey = "helm.toolkit.fluxcd.io/driftDetection"
}

/// Options of `delete` and `deleteAll` (`ssa.DeleteOptions`; renamed so it does not clash with
/// `KubeClient.DeleteOptions`).
public struct PruneOptions: Sendable, Equatable {
    /// `Background` (default), `Foreground` or `Orphan`.
    public var propagationPolicy: String
    /// Only live objects carrying all these labels are deleted (empty: all).
    public var inclusions: [String: String]
    /// Live objects with any of these labels/annotations are skipped.
    public var exclusions: [String: String]

    public init(propagationPolicy: String = "Background", inclusions: [String: String] = [:], exclusions: [String: String] = [:]) {
        self.propagationPolicy = propagationPolicy
        self.inclusions = inclusions
        self.exclusions = exclusions
    }

    /// kustomize-controller's prune and finalizer options: background propagation, only objects
    /// with the owner labels, skipping `<group>/prune: disabled` and `<group>/reconcile: disabled`.
    public static func prune(ownerLabels: [String: String], group: String = FluxMetadata.kustomizeGroup) -> PruneOptions {
        PruneOptions(propagationPolicy: "Background", inclusions: ownerLabels,
                      exclusions: ["\(group)/prune": FluxMetadata.disabled, "\(group)/reconcile": FluxMetadata.disabled])
    }
}

/// Options of `wait` and `waitForSet` (`ssa.WaitOptions`).
public struct WaitOptions: Sendable, Equatable {
    public var interval: Duration
    public var timeout: Duration
    /// Stop as soon as one object is Failed.
    public var failFast: Bool

    /// Defaults: 5 s interval, 60 s timeout, no fail-fast (`ssa.DefaultWaitOptions`).
    public init(interval: Duration = .seconds(5), timeout: Duration = .seconds(60), failFast: Bool = false) {
        self.interval = interval
        self.timeout = timeout
        self.failFast = failFast
    }
}
