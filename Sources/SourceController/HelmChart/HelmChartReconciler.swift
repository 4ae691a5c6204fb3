import ControllerRuntime
import FluxAPI
import HelmRepo
import KubeModel

/// The HelmChart reconciler (source-controller v1.2.2 `helmchart_controller.go`): resolves the
/// chart in its source (a HelmRepository over HTTP or OCI; GitRepository and Bucket sources are
/// accepted), pulls or packages it, and stores it as the artifact `<name>-<version>.tgz`.
struct HelmChartReconciler: Reconciler {
    let context: SourceContext

    /// `helmChartReadyCondition`.
    static let readySummary = ReadySummary(
        owned: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.buildFailed,
                SourceCondition.artifactOutdated, SourceCondition.artifactInStorage, SourceCondition.sourceVerified,
                MetaCondition.ready, MetaCondition.reconciling, MetaCondition.stalled],
        summarize: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.buildFailed,
                    SourceCondition.artifactOutdated, SourceCondition.artifactInStorage, SourceCondition.sourceVerified,
                    MetaCondition.stalled, MetaCondition.reconciling],
        negativePolarity: [SourceCondition.storageOperationFailed, SourceCondition.fetchFailed, SourceCondition.buildFailed,
                           SourceCondition.artifactOutdated, MetaCondition.stalled, MetaCondition.reconciling])

    /// `helmChartFailConditions`.
    static let failConditions = [SourceCondition.buildFailed, SourceCondition.fetchFailed, SourceCondition.storageOperationFailed]

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        guard case .object(var object) = try await TypedRead.read(HelmChart.self, key, cache: context.cache,
                                                                  client: context.client) else { return .done }
        let start = ContinuousClock.now
        let patcher = try SerialPatcher(client: context.client, object: object)
        var result = SubResult.empty
        var failure: SourceError?
        if object.isBeingDeleted {
            do { result = try await reconcileDelete(&object) } catch { failure = error }
        } else if !object.metadata.hasFinalizer(FluxFinalizer.name) {
            _ = object.metadata.addFinalizer(FluxFinalizer.name)
            result = .requeue
        } else if object.isSuspended {
            context.logger.info("Reconciliation is suspended for this object",
                                metadata: ["name": "\(object.name)", "namespace": "\(object.namespace)"])
        } else {
            (result, failure) = await reconcileSteps(&object, patcher)
        }

        let interval = context.jittered(object.interval.swiftDuration)
        let (runtime, error) = await context.summarizer.summarizeAndPatch(
            &object, patcher: patcher, summary: Self.readySummary, biPolarity: [SourceCondition.sourceVerified],
            result: result, error: failure, interval: interval)
        context.record(object, since: start)
        await context.waitForCache(HelmChart.self, key, resourceVersion: patcher.resourceVersion)
        if let error { throw error }
        return runtime.reconcileResult
    }

    /// `reconcile`: persist the progressing state, run storage → source → artifact (stopping at
    /// the first error or requeue), then notify.
    func reconcileSteps(_ object: inout HelmChart, _ patcher: SerialPatcher<HelmChart>) async -> (SubResult, SourceError?) {
        let old = object
        do { try await object.beginReconcile(patcher) } catch {
            return (.empty, error)
        }

        var build = ChartBuild()
        var result = SubResult.empty
        do {
            for step in 0..<3 {
                let outcome: SubResult
                switch step {
                case 0: outcome = try await reconcileStorage(&object, patcher)
                case 1: outcome = try await reconcileSource(&object, patcher, &build)
                default: outcome = try await reconcileArtifact(&object, build)
                }
                if outcome == .requeue { return (.requeue, nil) }
                result = .lowestRequeuing(result, outcome)
            }
        } catch {
            return (.empty, error)
        }
        notify(old, object, build, result)
        return (result, nil)
    }

    /// `notify`: an event (reason `ChartPullSucceeded`/`ChartPackageSucceeded`, the build
    /// summary) for a new digest or a recovery from failure.
    func notify(_ old: HelmChart, _ new: HelmChart, _ build: ChartBuild, _ result: SubResult) {
        guard result == .success, let artifact = new.artifact else { return }
        let annotations = SourceContext.artifactAnnotations(artifact)
        if !old.artifact.hasDigest(artifact.digest) || FailureRecovery.happened(old, new, Self.failConditions) {
            context.summarizer.eventLog(new, .normal, reason: Self.reason(for: build), build.summary, annotations: annotations)
        }
    }

    /// `reasonForBuild`.
    static func reason(for build: ChartBuild) -> String {
        guard build.isComplete else { return "" }
        return build.packaged ? SourceReason.chartPackageSucceeded : SourceReason.chartPullSucceeded
    }
}

extension ChartBuild {
    /// `Build.HasMetadata`: name and version are known.
    var hasMetadata: Bool { !name.isEmpty && !version.isEmpty }
}
