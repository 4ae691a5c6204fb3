import KStatus
import KubeClient
import KubeModel

/// The last observed status of one object during a wait (cli-utils `event.ResourceStatus`).
public struct ObservedStatus: Sendable, Equatable {
    public var id: ObjMetadata
    public var status: ResourceStatus
    public var message: String
    /// Why the status is `Unknown` (a read or compute error).
    public var error: String?
}

extension ResourceManager {
    /// `ssa.Wait`: waits until every object is Current (see `waitForSet`).
    public func wait(_ objects: [KubeObject], options: WaitOptions = WaitOptions()) async throws(FluxSSAError) {
        try await waitForSet(objects.map(ObjMetadata.init), options: options)
    }

    /// `ssa.WaitForSet`: polls every `interval` (first poll at once) until all objects are
    /// Current per `statusFunction`, or one is Failed with `failFast`, or `timeout` passes.
    ///
    /// - Throws: `.wait` with kustomize-controller's text: `timeout waiting for: [<id> status:
    ///   '<Status>'[: <error>], …]` listing each object not Current (failed ones always), or
    ///   `failed early due to stalled resources: […]` listing the Failed ones.
    public func waitForSet(_ set: [ObjMetadata], options: WaitOptions) async throws(FluxSSAError) {
        guard !set.isEmpty else { return }
        var ids: [ObjMetadata] = []
        for id in set where !ids.contains(id) { ids.append(id) }
        var last: [ObjMetadata: ObservedStatus] = [:]
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: options.timeout)
        var timedOut = false
        polling: while true {
            for id in ids {
                if clock.now >= deadline {
                    timedOut = true
                    break polling
                }
                last[id] = await observe(id)
                let statuses = ids.map { last[$0]?.status ?? .unknown }
                if ResourceStatus.aggregate(statuses, desired: .current) == .current { return }
                if options.failFast && statuses.contains(.failed) { break polling }
            }
            if clock.now.advanced(by: options.interval) > deadline {
                try? await Task.sleep(until: deadline, clock: clock)
                timedOut = true
                break
            }
            do { try await Task.sleep(for: options.interval) } catch {
                timedOut = true
                break
            }
        }
        var errors: [String] = []
        for id in ids {
            // Like cli-utils' collector, objects not polled yet count as Unknown once any was.
            guard let observed = last[id] ?? (last.isEmpty ? nil : ObservedStatus(id: id, status: .unknown, message: "")) else {
                errors.append("can't determine status for \(id.subject)")
                continue
            }
            if observed.status == .failed || (timedOut && observed.status != .current) {
                var text = "\(id.subject) status: '\(observed.status)'"
                if let error = observed.error { text += ": \(error)" }
                errors.append(text)
            }
        }
        guard !errors.isEmpty else { return }
        let prefix = timedOut ? "timeout waiting for" : "failed early due to stalled resources"
        throw FluxSSAError(.wait, "\(prefix): [\(errors.joined(separator: ", "))]")
    }

    /// The status of one object now: `NotFound` when missing, `Unknown` with the error when it
    /// cannot be read or its status cannot be computed.
    public func observe(_ id: ObjMetadata) async -> ObservedStatus {
        do {
            let version = try await preferredVersion(id.groupKind)
            let probe = KubeObject(id, version: version)
            guard let live = try await liveObject(probe) else {
                return ObservedStatus(id: id, status: .notFound, message: "Resource not found")
            }
            do {
                let result = try statusFunction(live)
                return ObservedStatus(id: id, status: result.status, message: result.message)
            } catch {
                return ObservedStatus(id: id, status: .unknown, message: "", error: error.message)
            }
        } catch {
            return ObservedStatus(id: id, status: .unknown, message: "", error: error.description)
        }
    }

    /// The served version of a group-kind (from the client's discovery cache, rediscovering on a
    /// miss); GA versions win over beta over alpha, higher numbers first (Kubernetes' version priority).
    func preferredVersion(_ gk: GroupKind) async throws(KubeClientError) -> String {
        func cached() async -> String? {
            await client.mapper.all().filter { $0.group == gk.group && $0.kind == gk.kind }.map(\.version)
                .sorted { Self.versionPriority($1).lexicographicallyPrecedes(Self.versionPriority($0)) }.first
        }
        if let version = await cached() { return version }
        _ = try await client.discoverAll()
        if let version = await cached() { return version }
        throw .invalidRequest("no matches for kind \"\(gk.kind)\" in group \"\(gk.group)\"")
    }

    /// A sortable priority of a Kubernetes version string (`v2` > `v1` > `v1beta2` > `v1alpha1` >
    /// anything else, which sorts by name).
    static func versionPriority(_ version: String) -> [Int] {
        let scalars = Array(version.unicodeScalars)
        guard scalars.first == "v" else { return [0, 0, 0] }
        var i = 1
        func number() -> Int? {
            var digits = ""
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { digits.unicodeScalars.append(scalars[i]); i += 1 }
            return Int(digits)
        }
        guard let major = number() else { return [0, 0, 0] }
        if i == scalars.count { return [3, major, 0] }
        let rest = String(String.UnicodeScalarView(scalars[i...]))
        for (stage, rank) in [("beta", 2), ("alpha", 1)] where rest.hasPrefix(stage) {
            i += stage.unicodeScalars.count
            if let minor = number(), i == scalars.count { return [rank, major, minor] }
        }
        return [0, 0, 0]
    }

    /// `ssa.WaitForTermination`: polls until every object is gone.
    /// - Throws: `.wait` `<subject> termination timeout: context deadline exceeded`, or the read error.
    public func waitForTermination(_ objects: [KubeObject], options: WaitOptions) async throws(FluxSSAError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: options.timeout)
        for object in objects {
            while true {
                let live: KubeObject?
                do { live = try await liveObject(object) } catch {
                    throw FluxSSAError(.wait, "\(object.subject) termination timeout: \(error)", cause: error)
                }
                if live == nil { break }
                if clock.now.advanced(by: options.interval) > deadline {
                    throw FluxSSAError(.wait, "\(object.subject) termination timeout: context deadline exceeded")
                }
                try? await Task.sleep(for: options.interval)
            }
        }
    }
}
