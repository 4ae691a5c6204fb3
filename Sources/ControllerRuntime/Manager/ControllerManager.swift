import Foundation
import KubeClient
import KubeModel
import Logging
import Synchronization

/// One Flux controller's worth of reconcilers (e.g. `helm-controller`): they share an event
/// recorder (`source.component`), an optional leader lease (`<name>-leader-election`) and the
/// process runtime's cache and metrics.
///
/// Contract: add controllers with `controller(…)` before `run()`. `run()` starts the shared
/// informers, waits for leadership when enabled, runs every controller, and returns once its task
/// is cancelled and in-flight reconciles have drained (or when leadership is lost).
public final class ControllerManager: Sendable {
    public let name: String
    public let runtime: ControllerRuntime
    public let events: EventRecorder
    let forwarder: EventForwarder?
    private let controllers = Mutex<[Controller]>([])
    public let logger: Logger

    public init(name: String, runtime: ControllerRuntime) {
        self.name = name
        self.runtime = runtime
        var logger = runtime.logger
        logger[metadataKey: "logger"] = nil
        self.logger = logger
        let forwarder = runtime.options.eventsAddress.isEmpty ? nil : EventForwarder(address: runtime.options.eventsAddress, logger: logger)
        self.forwarder = forwarder
        events = EventRecorder(client: runtime.client, component: name, forwarder: forwarder, logger: logger)
    }

    public var client: KubeClient { runtime.client }
    public var cache: Cache { runtime.cache }
    public var options: ManagerOptions { runtime.options }
    public var fluxMetrics: FluxMetrics { runtime.fluxMetrics }

    /// Creates and registers a controller with Flux's retry policy and this manager's concurrency.
    /// - Parameters:
    ///   - name: the controller name as logged (`helmrelease`), kind and group for log keys.
    ///   - defaultConcurrency: used when `--concurrent` is not set (Flux: 2 for sources, 4 otherwise).
    public func controller(name: String, kind: String, group: String, reconciler: any Reconciler,
                           defaultConcurrency: Int = 4) -> Controller {
        var log = logger
        log[metadataKey: "controllerGroup"] = "\(group)"
        log[metadataKey: "controllerKind"] = "\(kind)"
        let c = Controller(name: name, reconciler: reconciler, workers: options.concurrent ?? defaultConcurrency,
                           timeout: options.reconcileTimeout, gracefulShutdownTimeout: options.gracefulShutdownTimeout,
                           rateLimiter: .flux(minRetryDelay: options.minRetryDelay, maxRetryDelay: options.maxRetryDelay),
                           metrics: runtime.metrics(controller: name), logger: log)
        controllers.withLock { $0.append(c) }
        return c
    }

    public func run() async -> LeaderElector.Outcome? {
        await runtime.factory.start()
        let all = controllers.withLock { $0 }
        let body: @Sendable () async -> Void = {
            await withTaskGroup(of: Void.self) { group in
                for c in all { group.addTask { await c.run() } }
            }
        }
        defer {
            events.shutdown()
        }
        guard options.enableLeaderElection else {
            await body()
            await forwarder?.shutdown()
            return nil
        }
        let identity = options.identity ?? "\(ProcessInfo.processInfo.hostName)_\(UUID().uuidString.lowercased())"
        var elector = LeaderElector(client: client, namespace: options.runtimeNamespace, name: "\(name)-leader-election",
                                    identity: identity, logger: logger)
        elector.leaseDuration = options.leaseDuration
        elector.renewDeadline = options.renewDeadline
        elector.retryPeriod = options.retryPeriod
        let outcome = await elector.run(body)
        await forwarder?.shutdown()
        return outcome
    }
}
