import Foundation
import StructuredData

/// Events expire one hour after their last write, as with the real apiserver's `--event-ttl`.
/// The embedded server sweeps lazily: at most once a minute, when an Event is written.
actor EventExpiry {
    static let ttl: TimeInterval = 3600
    private var lastSweep = Date.distantPast

    /// Sweeps when the last sweep is more than a minute old.
    func eventWritten(_ api: KubeAPI) async {
        let now = Date()
        guard now.timeIntervalSince(lastSweep) >= 60 else { return }
        lastSweep = now
        _ = await api.expireEvents(now: now)
    }
}

extension KubeAPI {
    static let eventResource = QualifiedResource(group: "", resource: "events")

    /// Deletes every Event whose last write (`lastTimestamp` or `creationTimestamp`, whichever is
    /// later) is more than `EventExpiry.ttl` before `now`. Returns how many were deleted.
    func expireEvents(now: Date = Date()) async -> Int {
        let cutoff = Self.timestamp(now.addingTimeInterval(-EventExpiry.ttl))
        var deleted = 0
        for event in await store.list(Self.eventResource, namespace: nil).objects {
            var last = event.value.metadataString("creationTimestamp")
            if let stamp = event.value["lastTimestamp"]?.stringValue, stamp.count == 20, stamp.hasSuffix("Z"), stamp > last {
                last = stamp
            }
            guard !last.isEmpty, last < cutoff else { continue }
            if (try? await store.commit([Mutation(key: event.key, precondition: .revision(event.revision), value: nil)])) != nil {
                deleted += 1
            }
        }
        return deleted
    }
}
