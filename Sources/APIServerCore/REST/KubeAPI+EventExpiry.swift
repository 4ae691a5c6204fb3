import Foundation
import StructuredData

extension KubeAPI {
    /// How long core/v1 Events live (the apiserver's default `--event-ttl`).
    public static let eventTTL: TimeInterval = 3600

    /// Deletes Events created more than `ttl` seconds before `now`. Returns how many were removed.
    /// Server-set `creationTimestamp`s are RFC 3339 UTC with seconds, so they order as strings.
    @discardableResult
    public func expireEvents(olderThan ttl: TimeInterval = KubeAPI.eventTTL, now: Date = Date()) async -> Int {
        let events = QualifiedResource(group: "", resource: "events")
        let cutoff = Self.timestamp(now.addingTimeInterval(-ttl))
        var removed = 0
        for event in await store.list(events, namespace: nil).objects {
            let created = event.value.metadataString("creationTimestamp")
            guard !created.isEmpty, created < cutoff, event.value.finalizers.isEmpty else { continue }
            if (try? await store.commit([Mutation(key: event.key, precondition: .revision(event.revision), value: nil)])) != nil {
                removed += 1
            }
        }
        return removed
    }

    /// Runs `expireEvents` every `interval` seconds until the task is cancelled.
    public func runEventExpiry(every interval: TimeInterval = 60) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: .seconds(interval)) } catch { return }
            await expireEvents()
        }
    }
}
