/// Annotations Flux reads or writes, declared once.
public enum FluxAnnotations {
    /// `meta.ReconcileRequestAnnotation`: any new value requests a reconcile; echoed in
    /// `status.lastHandledReconcileAt`.
    public static let reconcileRequestedAt = "reconcile.fluxcd.io/requestedAt"
    /// HelmRelease: a new value forces a one-off Helm install/upgrade.
    public static let forceRequestedAt = "reconcile.fluxcd.io/forceAt"
    /// HelmRelease: a new value resets the failure counters.
    public static let resetRequestedAt = "reconcile.fluxcd.io/resetAt"

    /// kustomize-controller's per-object server-side apply policy: `Override` (default), `Merge`,
    /// `IfNotPresent`, `Ignore`.
    public static let kustomizeSSA = "kustomize.toolkit.fluxcd.io/ssa"
    /// `enabled`: recreate the object when an immutable field changes.
    public static let kustomizeForce = "kustomize.toolkit.fluxcd.io/force"
    /// `disabled`: never garbage-collect the object.
    public static let kustomizePrune = "kustomize.toolkit.fluxcd.io/prune"
    /// `disabled`: never apply the object again once it exists.
    public static let kustomizeReconcile = "kustomize.toolkit.fluxcd.io/reconcile"
    /// `disabled`: skip post-build variable substitution for the object.
    public static let kustomizeSubstitute = "kustomize.toolkit.fluxcd.io/substitute"

    /// Values of the kustomize-controller annotations above.
    public static let enabledValue = "enabled"
    public static let disabledValue = "disabled"
    public static let overrideValue = "Override"
    public static let mergeValue = "Merge"
    public static let ifNotPresentValue = "IfNotPresent"
    public static let ignoreValue = "Ignore"
}

/// Labels Flux reads or writes, declared once.
public enum FluxLabels {
    /// Owner labels set by kustomize-controller on applied objects.
    public static let kustomizeName = "kustomize.toolkit.fluxcd.io/name"
    public static let kustomizeNamespace = "kustomize.toolkit.fluxcd.io/namespace"
    /// Owner labels set by helm-controller's post-renderer on release objects.
    public static let helmName = "helm.toolkit.fluxcd.io/name"
    public static let helmNamespace = "helm.toolkit.fluxcd.io/namespace"
    /// Sharding key matched by `--watch-label-selector`.
    public static let shardingKey = "sharding.fluxcd.io/key"

    /// Install labels (`flux install`).
    public static let partOf = "app.kubernetes.io/part-of"
    public static let instance = "app.kubernetes.io/instance"
    public static let version = "app.kubernetes.io/version"
    public static let component = "app.kubernetes.io/component"
    /// The value of `app.kubernetes.io/part-of` on everything Flux installs.
    public static let partOfValue = "flux"
}
