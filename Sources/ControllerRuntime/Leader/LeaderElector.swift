import Foundation
import GoCompat
import KubeClient
import KubeModel
import Logging
import StructuredData

/// Leader election on a `coordination.k8s.io/v1` Lease (client-go `leaderelection` with a
/// `LeaseLock`), so two replicas never reconcile at once.
///
/// Contract:
/// - `run(lead)` blocks until this process holds the lease (create it, or take it over once the
///   holder's `renewTime + leaseDurationSeconds` has passed as observed locally), then runs `lead`
///   while renewing every `retryPeriod`. If the lease cannot be renewed within `renewDeadline`,
///   leadership is lost: `lead`'s task is cancelled and `run` returns `.lost`.
/// - When the calling task is cancelled, `lead` is cancelled and, with `releaseOnCancel`, the
///   lease is released (empty holder, duration 1 s) so another replica takes over at once.
public struct LeaderElector: Sendable {
    public enum Outcome: Sendable, Equatable { case lost, cancelled }

    static let leases = APIResource(group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true)

    let client: KubeClient
    public let namespace: String
    public let name: String
    public let identity: String
    public var leaseDuration: Duration = .seconds(35)
    public var renewDeadline: Duration = .seconds(30)
    public var retryPeriod: Duration = .seconds(5)
    public var releaseOnCancel = true
    let logger: Logger

    public init(client: KubeClient, namespace: String, name: String, identity: String, logger: Logger = Logger(label: "leader")) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.identity = identity
        self.logger = logger
    }

    public func run(_ lead: @escaping @Sendable () async -> Void) async -> Outcome {
        logger.info("attempting to acquire leader lease \(namespace)/\(name)...")
        var observed: (holder: String, renew: String, at: ContinuousClock.Instant)?
        while !Task.isCancelled {
            if await tryAcquireOrRenew(&observed) { break }
            try? await Task.sleep(for: retryPeriod)
        }
        if Task.isCancelled { return .cancelled }
        logger.info("successfully acquired lease \(namespace)/\(name)")
        let leader = Task { await lead() }
        var lastRenew = ContinuousClock.now
        var outcome = Outcome.cancelled
        while !Task.isCancelled {
            try? await Task.sleep(for: retryPeriod)
            if Task.isCancelled { break }
            if await tryAcquireOrRenew(&observed) {
                lastRenew = .now
            } else if ContinuousClock.now - lastRenew > renewDeadline {
                logger.error("failed to renew lease \(namespace)/\(name): leader election lost")
                outcome = .lost
                break
            }
        }
        leader.cancel()
        await leader.value
        if outcome == .cancelled, releaseOnCancel { await release() }
        return outcome
    }

    /// One attempt (client-go `tryAcquireOrRenew`); true when this process holds the lease after it.
    func tryAcquireOrRenew(_ observed: inout (holder: String, renew: String, at: ContinuousClock.Instant)?) async -> Bool {
        let now = Self.microTime(.now())
        let existing: KubeObject
        do {
            existing = try await client.get(Self.leases, namespace: namespace, name: name)
        } catch {
            guard error.isNotFound else { return false }
            let lease = leaseObject(holder: identity, acquire: now, renew: now, transitions: 0, resourceVersion: nil)
            return (try? await client.create(lease)) != nil
        }
        let spec = existing.raw["spec"] ?? .object([:])
        let holder = spec["holderIdentity"]?.stringValue ?? ""
        let renew = spec["renewTime"]?.stringValue ?? ""
        if observed?.holder != holder || observed?.renew != renew { observed = (holder, renew, .now) }
        let duration = Duration.seconds(spec["leaseDurationSeconds"]?.intValue ?? 0)
        let expired = observed.map { ContinuousClock.now > $0.at + duration } ?? true
        if !holder.isEmpty, holder != identity, !expired { return false }
        let transitions = spec["leaseTransitions"]?.intValue ?? 0
        let acquire = holder == identity ? (spec["acquireTime"]?.stringValue ?? now) : now
        let lease = leaseObject(holder: identity, acquire: acquire, renew: now,
                                transitions: holder == identity ? transitions : transitions + 1,
                                resourceVersion: existing.resourceVersion)
        guard (try? await client.update(lease)) != nil else { return false }
        observed = (identity, now, .now)
        return true
    }

    func release() async {
        guard let existing = try? await client.get(Self.leases, namespace: namespace, name: name),
              existing.raw[path: ["spec", "holderIdentity"]]?.stringValue == identity else { return }
        var lease = existing
        lease.raw[path: ["spec", "holderIdentity"]] = nil
        lease.raw[path: ["spec", "leaseDurationSeconds"]] = 1
        lease.raw[path: ["spec", "renewTime"]] = .string(Self.microTime(.now()))
        _ = try? await client.update(lease)
        logger.info("released lease \(namespace)/\(name)")
    }

    func leaseObject(holder: String, acquire: String, renew: String, transitions: Int64, resourceVersion: String?) -> KubeObject {
        var o = KubeObject(apiVersion: "coordination.k8s.io/v1", kind: "Lease", name: name, namespace: namespace)
        if let resourceVersion { o.resourceVersion = resourceVersion }
        o.raw["spec"] = [
            "holderIdentity": .string(holder), "leaseDurationSeconds": .int(Int64(leaseDuration.components.seconds)),
            "acquireTime": .string(acquire), "renewTime": .string(renew), "leaseTransitions": .int(transitions),
        ]
        return o
    }

    /// `metav1.MicroTime` wire form: RFC 3339 with exactly six fraction digits, UTC.
    static func microTime(_ t: GoTime) -> String { t.rfc3339Micro }
}
