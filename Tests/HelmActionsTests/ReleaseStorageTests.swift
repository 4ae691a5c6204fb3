import Testing
@testable import HelmActions

/// Thread-safe collector for observer callbacks.
actor Recorder {
    var seen: [(Int, ReleaseStatus)] = []
    func add(_ r: Release) { seen.append((r.version, r.status)) }
}

@Suite("Release storage")
struct ReleaseStorageTests {
    static func release(_ version: Int, _ status: ReleaseStatus, name: String = "app") -> Release {
        Release(name: name, namespace: "default", version: version, info: ReleaseInfo(status: status))
    }

    @Test("history, last and deployed follow revisions whatever the insertion order")
    func queries() async throws {
        let storage = ReleaseStorage(driver: MemoryDriver())
        for r in [Self.release(2, .deployed), Self.release(1, .superseded), Self.release(3, .failed), Self.release(1, .deployed, name: "other")] {
            try await storage.create(r)
        }
        #expect(try await storage.history("app").map(\.version) == [1, 2, 3])
        #expect(try await storage.last("app").version == 3)
        #expect(try await storage.deployed("app").version == 2)
        #expect(try await storage.listReleases().count == 4)
        await #expect(throws: HelmActionsError.releaseNotFound) { try await storage.last("none") }
        await #expect(throws: HelmActionsError.noDeployedReleases("none")) { try await storage.deployed("none") }
        #expect(HelmActionsError.noDeployedReleases("none").description == "\"none\" has no deployed releases")
        await #expect(throws: HelmActionsError.releaseExists) { try await storage.create(Self.release(2, .failed)) }
    }

    @Test("maxHistory prunes the oldest revisions but keeps the latest deployed one", arguments: [
        // (existing statuses by revision 1..n, maxHistory, remaining revisions after creating n+1)
        ([ReleaseStatus.superseded, .superseded, .superseded, .deployed], 3, [3, 4, 5]),
        ([.deployed, .failed, .failed, .failed], 3, [1, 3, 4, 5]),
        ([.superseded, .deployed], 5, [1, 2, 3]),
        ([.superseded, .superseded, .deployed], 1, [3, 4]),
        ([.failed, .failed], 0, [1, 2, 3]),
    ])
    func maxHistory(statuses: [ReleaseStatus], max: Int, remaining: [Int]) async throws {
        var storage = ReleaseStorage(driver: MemoryDriver())
        for (i, s) in statuses.enumerated() { try await storage.create(Self.release(i + 1, s)) }
        storage.maxHistory = max
        try await storage.create(Self.release(statuses.count + 1, .pendingUpgrade))
        #expect(try await storage.history("app").map(\.version) == remaining)
    }

    @Test("the observer sees every persisted record and nothing that failed to persist")
    func observer() async throws {
        let recorder = Recorder()
        let storage = ReleaseStorage(driver: ObservingDriver(MemoryDriver()) { await recorder.add($0) })
        var r = Self.release(1, .pendingInstall)
        try await storage.create(r)
        r.setStatus(.deployed, "Install complete")
        try await storage.update(r)
        await #expect(throws: HelmActionsError.releaseExists) { try await storage.create(r) }
        await #expect(throws: HelmActionsError.releaseNotFound) { try await storage.update(Self.release(9, .failed)) }
        _ = try await storage.get("app", version: 1)
        let seen = await recorder.seen
        #expect(seen.map(\.0) == [1, 1] && seen.map(\.1) == [.pendingInstall, .deployed])
    }

    @Test("pending statuses are the pending set", arguments: ReleaseStatus.allCases)
    func pending(status: ReleaseStatus) {
        #expect(status.isPending == status.rawValue.hasPrefix("pending-"))
    }
}
