import KubeModel

/// Filters informer events before they become work (controller-runtime predicates).
public struct Predicate: Sendable {
    public let test: @Sendable (InformerEvent) -> Bool

    public init(_ test: @escaping @Sendable (InformerEvent) -> Bool) { self.test = test }

    /// Every event.
    public static let any = Predicate { _ in true }

    /// Creates and deletions; updates only when `metadata.generation` changed.
    public static let generationChanged = Predicate { event in
        guard case .updated(let old, let new) = event else { return true }
        return old.generation != new.generation
    }

    /// Updates whose `reconcile.fluxcd.io/requestedAt` annotation changed (Flux's
    /// `ReconcileRequestedPredicate`); not creates or deletes.
    public static let reconcileRequested = Predicate { event in
        guard case .updated(let old, let new) = event else { return false }
        let key = "reconcile.fluxcd.io/requestedAt"
        guard let value = new.annotations[key] else { return false }
        return old.annotations[key] != value
    }

    /// Updates that set a deletion timestamp.
    public static let deletionRequested = Predicate { event in
        guard case .updated(let old, let new) = event else { return false }
        return !old.isBeingDeleted && new.isBeingDeleted
    }

    /// Updates where annotations or labels changed.
    public static let metadataChanged = Predicate { event in
        guard case .updated(let old, let new) = event else { return true }
        return old.annotations != new.annotations || old.labels != new.labels
    }

    /// Flux's primary-object predicate: generation changed, or a reconcile was requested, or
    /// deletion started.
    public static let fluxPrimary = generationChanged || reconcileRequested || deletionRequested

    public static func || (a: Predicate, b: Predicate) -> Predicate { Predicate { a.test($0) || b.test($0) } }
    public static func && (a: Predicate, b: Predicate) -> Predicate { Predicate { a.test($0) && b.test($0) } }
}
