import FluxAPI
import GoCompat
import HelmActions
import HelmEngine
import KubeModel

/// helm-controller's application of a chart's `crds/` (`internal/action/crds.go`), run before
/// install and upgrade (Helm itself is told to skip CRDs).
enum CRDs {
    /// - `Skip`: nothing (logged).
    /// - `Create`: creates each CRD; one that exists is skipped.
    /// - `CreateReplace`: creates missing CRDs and replaces existing ones (Helm's forced update);
    ///   CRDs are never deleted.
    /// CRDs get the origin labels, and the action waits up to 60 s for them to be Established.
    /// - Throws: `failed to apply CustomResourceDefinitions: <reason>`.
    static func apply(_ config: ActionConfiguration, policy: CRDsPolicy, chart: HelmEngine.Chart, origin hr: HelmRelease) async throws {
        let files = chart.crdObjects
        guard !files.isEmpty else { return }
        do {
            try await applyFiles(config, policy: policy, files: files, origin: hr)
        } catch {
            throw HelmActionsError.message("failed to apply CustomResourceDefinitions: \(error)")
        }
    }

    static func applyFiles(_ config: ActionConfiguration, policy: CRDsPolicy, files: [HelmEngine.ChartFile], origin hr: HelmRelease) async throws {
        if policy == .skip {
            config.log("skipping CustomResourceDefinition apply: policy is set to \(policy.rawValue)")
            return
        }
        var all: [HelmResource] = []
        for file in files {
            do {
                all += try await config.kube.build(String(decoding: file.data, as: UTF8.self))
            } catch {
                let message = "failed to parse CustomResourceDefinitions from \(file.name): \(error)"
                config.log(message)
                throw HelmActionsError.message(message)
            }
        }
        for i in all.indices {
            var labels = all[i].object.labels
            labels[FluxLabels.helmName] = hr.name
            labels[FluxLabels.helmNamespace] = hr.namespace
            all[i].object.labels = labels
        }
        config.log("applying CustomResourceDefinition(s) with policy \(policy.rawValue)")
        switch policy {
        case .skip:
            return
        case .create:
            for crd in all {
                do {
                    _ = try await config.kube.client.create(crd.object)
                } catch where error.isAlreadyExists {
                    config.log("CustomResourceDefinition \(crd.name) is already present. Skipping.")
                } catch {
                    let message = "failed to create CustomResourceDefinition \(crd.name): \(error)"
                    config.log(message)
                    throw HelmActionsError.message(message)
                }
            }
        case .createReplace:
            var existing: [HelmResource] = []
            for crd in all where try await config.kube.live(crd) != nil { existing.append(crd) }
            do {
                _ = try await config.kube.update(original: existing, target: all, force: true)
            } catch {
                let message = "failed to update CustomResourceDefinition(s): \(error)"
                config.log(message)
                throw HelmActionsError.message(message)
            }
        }
        try await config.kube.wait(for: all, timeout: GoDuration(nanoseconds: 60_000_000_000), waitForJobs: false,
                                   interval: .milliseconds(250))
        // New kinds change `.Capabilities.APIVersions`; the REST mapper refreshes itself on a miss.
        await config.capabilitiesCache.invalidate()
    }
}
