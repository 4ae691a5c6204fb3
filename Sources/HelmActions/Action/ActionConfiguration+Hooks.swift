import KubeModel

extension ActionConfiguration {
    /// Runs the hooks of `event` on `release` (`execHook`): kind order kept, stable-sorted by
    /// weight then name; each hook's `last_run` is recorded; delete policies applied (default
    /// `before-hook-creation`). Throws the first failure.
    func execHooks(_ release: inout Release, _ event: HookEvent, timeout: WaitOptions) async throws(HelmActionsError) {
        let indices = release.hooks.indices.filter { release.hooks[$0].runs(on: event) }
        let ordered = indices.enumerated().sorted { a, b in
            let ha = release.hooks[a.element], hb = release.hooks[b.element]
            if ha.weight != hb.weight { return ha.weight < hb.weight }
            if ha.name != hb.name { return ha.name < hb.name }
            return a.offset < b.offset
        }.map(\.element)
        for i in ordered {
            if release.hooks[i].deletePolicies.isEmpty { release.hooks[i].deletePolicies = [HookDeletePolicy.beforeHookCreation.rawValue] }
            try await deleteHook(release.hooks[i], if: .beforeHookCreation, timeout: timeout)
            let resources: [HelmResource]
            do {
                resources = try await kube.build(release.hooks[i].manifest)
            } catch {
                throw .message("unable to build kubernetes object for \(event.rawValue) hook \(release.hooks[i].path): \(error)")
            }
            release.hooks[i].lastRun = HookExecution(startedAt: .now(), phase: .running)
            await record(release)
            release.hooks[i].lastRun.phase = .unknown
            do {
                try await kube.create(resources)
            } catch {
                release.hooks[i].lastRun.completedAt = .now()
                release.hooks[i].lastRun.phase = .failed
                throw .message("warning: Hook \(event.rawValue) \(release.hooks[i].path) failed: \(error)")
            }
            var failure: HelmActionsError?
            for r in resources {
                do { try await kube.watchUntilReady(r, timeout: timeout.timeout, interval: hookInterval) } catch { failure = error; break }
            }
            release.hooks[i].lastRun.completedAt = .now()
            if let failure {
                release.hooks[i].lastRun.phase = .failed
                try await deleteHook(release.hooks[i], if: .hookFailed, timeout: timeout)
                throw failure
            }
            release.hooks[i].lastRun.phase = .succeeded
        }
        for i in ordered {
            try await deleteHook(release.hooks[i], if: .hookSucceeded, timeout: timeout)
        }
    }

    /// Deletes a hook's resources when it has `policy` (never for CRD hooks) and waits until gone.
    func deleteHook(_ hook: Hook, if policy: HookDeletePolicy, timeout: WaitOptions) async throws(HelmActionsError) {
        guard hook.kind != "CustomResourceDefinition", hook.deletePolicies.contains(policy.rawValue) else { return }
        let resources = try await kube.build(hook.manifest)
        let errors = await kube.delete(resources)
        if !errors.isEmpty { throw .message(errors.joined(separator: " && ")) }
        try await kube.waitForDelete(resources, timeout: timeout.timeout, interval: hookInterval)
    }
}
