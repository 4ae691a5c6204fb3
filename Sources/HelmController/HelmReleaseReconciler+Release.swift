import ControllerRuntime
import FluxAPI
import GoCompat
import HelmActions
import HelmEngine
import KubeClient
import KubeModel
import StructuredData

extension HelmReleaseReconciler {
    /// `reconcileRelease`: prerequisites (dependencies, chart, values, client), release target
    /// changes, counters, then the atomic release loop.
    func reconcileRelease(_ hr: inout HelmRelease, _ patcher: PatchHandle) async throws -> Outcome {
        hr.markReconciling(reason: MetaReason.progressing, message: "Fulfilling prerequisites")
        try await patcher.patch(&hr)

        if !hr.dependsOn.isEmpty {
            logger.info("checking \(hr.dependsOn.count) dependencies")
            if let problem = await checkDependencies(hr) {
                hr.markFalse(MetaCondition.ready, reason: HelmReason.dependencyNotReady, message: problem)
                // v0.37 recorded this event with the type "info", not a valid Kubernetes event type
                // (#908 fixed it later); we record it as Normal.
                events.event(hr, type: .normal, reason: HelmReason.dependencyNotReady, message: problem)
                logger.info("dependencies do not meet ready condition (\(problem)): retrying in \(GoDuration(nanoseconds: Int64(options.requeueDependency.seconds * 1e9)))")
                return Outcome(result: .requeueAfter(options.requeueDependency), error: HelmControllerError(problem), waiting: true)
            }
            logger.info("all dependencies are ready")
        }
        clearStale(&hr, reasons: [HelmReason.dependencyNotReady])

        let chart: HelmChart
        do {
            chart = try await helmChart(hr)
        } catch let error as HelmControllerError where error.isAccessDenied {
            hr.markStalled(reason: MetaReason.accessDenied, message: error.description)
            hr.markFalse(MetaCondition.ready, reason: MetaReason.accessDenied, message: error.description)
            hr.deleteCondition(MetaCondition.reconciling)
            return Outcome(result: .done, error: error, terminal: true)
        } catch {
            hr.markFalse(MetaCondition.ready, reason: HelmReason.artifactFailed, message: "could not get HelmChart object: \(error)")
            return Outcome(result: .done, error: error)
        }
        clearStale(&hr, reasons: [MetaReason.accessDenied, HelmReason.artifactFailed])

        if let reason = Self.chartNotReady(chart) {
            let message = "HelmChart '\(chart.namespace)/\(chart.name)' is not ready: \(reason)"
            logger.info("\(message)")
            hr.markFalse(MetaCondition.ready, reason: "HelmChartNotReady", message: message)
            return Outcome(result: .requeueAfter(jittered(hr.requeueAfter)), error: HelmControllerError(message), waiting: true)
        }
        clearStale(&hr, reasons: ["HelmChartNotReady"])

        let values: JSONObject
        do {
            values = try await ChartValues.compose(client: client, namespace: hr.namespace, values: hr.values,
                                                   references: hr.spec.valuesFrom ?? [], logger: logger)
        } catch {
            hr.markFalse(MetaCondition.ready, reason: "ValuesError", message: "\(error)")
            return Outcome(result: .done, error: error)
        }
        clearStale(&hr, reasons: ["ValuesError"])

        let loaded: HelmEngine.Chart
        do {
            guard let artifact = chart.status.artifact else { throw ChartArtifactLoader.Failure.fileNotFound }
            loaded = try await charts.load(url: artifact.url, digest: artifact.digest ?? "")
        } catch ChartArtifactLoader.Failure.fileNotFound {
            let message = "Chart not ready: artifact not found. Retrying in \(GoDuration(nanoseconds: Int64(options.requeueDependency.seconds * 1e9)))"
            hr.markFalse(MetaCondition.ready, reason: HelmReason.artifactFailed, message: message)
            logger.info("\(message)")
            return Outcome(result: .requeueAfter(options.requeueDependency), error: HelmControllerError(message), waiting: true)
        } catch {
            hr.markFalse(MetaCondition.ready, reason: HelmReason.artifactFailed, message: "Could not load chart: \(error)")
            return Outcome(result: .done, error: error)
        }
        clearStale(&hr, reasons: [HelmReason.artifactFailed])

        let actionClient: KubeClient
        do {
            actionClient = try await clients.client(for: hr)
        } catch {
            hr.markFalse(MetaCondition.ready, reason: "RESTClientError", message: "\(error)")
            return Outcome(result: .done, error: error)
        }
        clearStale(&hr, reasons: ["RESTClientError"])

        await adoptLegacyRelease(&hr, actionClient)
        if let reason = releaseTargetChanged(hr, chartName: loaded.metadata.name) {
            logger.info("release target configuration changed (\(reason)): running uninstall for current release")
            do {
                try await reconcileUninstall(&hr, actionClient)
            } catch ReconcileError.noLatest {
            }
            hr.status.clearHistory()
            hr.status.clearFailures()
            hr.status.storageNamespace = nil
            return Outcome(result: .requeue)
        }
        hr.status.storageNamespace = hr.storageNamespace
        if let reason = mustResetFailures(&hr, chart: loaded, values: values) {
            logger.debug("resetting failure count (\(reason))")
            hr.status.clearFailures()
        }
        hr.status.lastAttemptedGeneration = hr.generation
        hr.status.lastAttemptedRevision = loaded.metadata.version
        hr.status.lastAttemptedConfigDigest = HelmDigest.values(.object(values))
        hr.status.lastAttemptedValuesChecksum = nil
        hr.status.lastReleaseRevision = nil

        let request = ReleaseRequest(object: hr, chart: loaded, values: values)
        defer { hr = request.object }
        try await atomicRelease(hr, actionClient, patcher).reconcile(request)
        return Outcome(result: .requeueAfter(jittered(hr.requeueAfter)))
    }

    func factory(_ hr: HelmRelease, _ actionClient: KubeClient) -> ActionFactory {
        ActionFactory(client: actionClient, storageNamespace: hr.status.storageNamespace ?? hr.storageNamespace,
                      releaseNamespace: hr.releaseNamespace, capabilities: capabilities, postRenderer: postRenderer(hr),
                      debugLog: helmDebugLog(hr), waitInterval: options.waitInterval, hookInterval: options.hookInterval)
    }

    /// Helm's debug lines at the controller's debug level, with the object's keys.
    func helmDebugLog(_ hr: HelmRelease) -> HelmLog? {
        guard logger.logLevel <= .debug else { return nil }
        var log = logger
        log[metadataKey: "name"] = "\(hr.name)"
        log[metadataKey: "namespace"] = "\(hr.namespace)"
        return HelmLog { [log] line in log.debug("\(line)") }
    }

    func atomicRelease(_ hr: HelmRelease, _ actionClient: KubeClient, _ patcher: PatchHandle) -> AtomicRelease {
        var log = logger
        log[metadataKey: "name"] = "\(hr.name)"
        log[metadataKey: "namespace"] = "\(hr.namespace)"
        return AtomicRelease(factory: factory(hr, actionClient), patcher: patcher, events: events,
                             algorithm: options.snapshotDigestAlgorithm, postRenderer: postRenderer(hr), logger: log)
    }

    /// In v0.37.3+ (#884) a prerequisite that passes replaces a stale Ready=False of its own reason
    /// with Ready=Unknown `Progressing` `reconciliation in progress`.
    func clearStale(_ hr: inout HelmRelease, reasons: [String]) {
        guard let ready = hr.condition(MetaCondition.ready), reasons.contains(ready.reason) else { return }
        hr.markUnknown(MetaCondition.ready, reason: MetaReason.progressing, message: "reconciliation in progress")
    }

    /// The first dependency that is missing or not ready (`checkDependencies`), nil when all are.
    func checkDependencies(_ hr: HelmRelease) async -> String? {
        for dependency in hr.dependsOn {
            let namespace = (dependency.namespace ?? "").isEmpty ? hr.namespace : dependency.namespace ?? hr.namespace
            let name = "\(namespace)/\(dependency.name)"
            let other: HelmRelease
            do {
                other = try await client.get(HelmRelease.self, namespace: namespace, name: dependency.name)
            } catch {
                return "unable to get '\(name)' dependency: \(error)"
            }
            if other.generation != other.observedGeneration || !other.isReady {
                return "dependency '\(name)' is not ready"
            }
        }
        return nil
    }

    func helmChart(_ hr: HelmRelease) async throws -> HelmChart {
        let ref = hr.status.helmChartReference ?? (namespace: "", name: "")
        try chartTemplate.allowsAccess(hr, kind: "HelmChart", namespace: ref.namespace, name: ref.name)
        if let cached = try await cache.get(HelmChart.self, namespace: ref.namespace, name: ref.name) { return cached }
        return try await client.get(HelmChart.self, namespace: ref.namespace, name: ref.name)
    }

    /// `isHelmChartReady`: nil when ready, else why not.
    static func chartNotReady(_ chart: HelmChart) -> String? {
        if chart.generation != chart.observedGeneration {
            if chart.isFalse(MetaCondition.ready) { return chart.condition(MetaCondition.ready)?.message ?? "" }
            return "latest generation of object has not been reconciled"
        }
        if chart.isStalled { return chart.condition(MetaCondition.stalled)?.message ?? "" }
        if chart.status.artifact == nil { return "does not have an artifact" }
        return nil
    }

    /// `action.ReleaseTargetChanged`: what changed since the last release, nil when nothing did.
    func releaseTargetChanged(_ hr: HelmRelease, chartName: String) -> String? {
        guard let recorded = hr.status.storageNamespace, !recorded.isEmpty, let latest = hr.status.history?.latest else { return nil }
        if hr.storageNamespace != recorded { return "storage namespace" }
        if hr.releaseNamespace != latest.namespace { return "release namespace" }
        if hr.shortReleaseName != latest.name { return "release name" }
        if chartName != latest.chartName { return "chart name" }
        return nil
    }

    /// `action.MustResetFailures`: a new generation, chart version, values or reset request clears
    /// the failure counters (the reset token is consumed in any case).
    func mustResetFailures(_ hr: inout HelmRelease, chart: HelmEngine.Chart, values: JSONObject) -> String? {
        let reset = hr.shouldHandleResetRequest()
        if (hr.status.lastAttemptedGeneration ?? 0) != hr.generation { return "generation differs from last attempt" }
        if (hr.status.lastAttemptedRevision ?? "") != chart.metadata.version { return "chart version differs from last attempt" }
        if let digest = hr.status.lastAttemptedConfigDigest, !digest.isEmpty {
            if !HelmDigest.verifyValues(digest, .object(values)) { return "values differ from last attempt" }
        } else if let checksum = hr.status.lastAttemptedValuesChecksum, !checksum.isEmpty {
            return "values differ from last attempt"
        }
        if reset { return "reset requested through annotation" }
        return nil
    }
}
