import KubeModel
import Logging

/// What a reconcile asks of the queue next (kube-rs `Action`, controller-runtime `Result`).
public enum ReconcileResult: Sendable, Equatable {
    /// Finished; reconcile again only when a watched change arrives.
    case done
    /// Reconcile again soon, rate-limited (controller-runtime `Requeue: true`).
    case requeue
    /// Reconcile again after the delay (a success: failure history is forgotten).
    case requeueAfter(Duration)
}

/// An error that must not be retried: the object stays as reported until a watched change
/// arrives (controller-runtime `reconcile.TerminalError`).
public struct TerminalError: Error, CustomStringConvertible {
    public let underlying: any Error
    public init(_ underlying: any Error) { self.underlying = underlying }
    public var description: String { "\(underlying)" }
}

/// A reconciler: level-based; reads, computes, returns an outcome.
///
/// Contract: `reconcile` is called for one key at a time (never concurrently for the same key).
/// Throwing retries the key with exponential backoff unless the error is a `TerminalError`.
/// It should honour task cancellation (it is cancelled after the controller's timeout).
public protocol Reconciler: Sendable {
    func reconcile(_ request: ObjectKey) async throws -> ReconcileResult
}

/// A reconciler from a closure (tests, small controllers).
public struct ReconcilerFunction: Reconciler {
    let body: @Sendable (ObjectKey) async throws -> ReconcileResult
    public init(_ body: @escaping @Sendable (ObjectKey) async throws -> ReconcileResult) { self.body = body }
    public func reconcile(_ request: ObjectKey) async throws -> ReconcileResult { try await body(request) }
}

/// The logger of the reconcile running in the current task: the controller's, with the object's
/// `name`, `namespace` and a fresh `reconcileID` (controller-runtime's logger from the context).
public enum ReconcileContext {
    @TaskLocal public static var logger: Logger?
}
