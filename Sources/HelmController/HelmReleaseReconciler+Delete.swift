import ControllerRuntime
import HelmActions
import FluxAPI
import KubeClient
import KubeModel

extension HelmReleaseReconciler {
    /// `reconcileDelete`: unless suspended, uninstall the release and delete the HelmChart; then
    /// drop the finalizer.
    func reconcileDelete(_ hr: inout HelmRelease) async throws -> Outcome {
        if !hr.isSuspended {
            try await reconcileReleaseDeletion(&hr)
            try await chartTemplate.reconcile(&hr)
        }
        hr.metadata.removeFinalizer(FluxFinalizer.name)
        return Outcome(result: .done)
    }

    /// `reconcileReleaseDeletion`: skipped when never installed, or when the kubeconfig Secret or the
    /// impersonated ServiceAccount is gone.
    func reconcileReleaseDeletion(_ hr: inout HelmRelease) async throws {
        guard let storage = hr.status.storageNamespace, !storage.isEmpty else {
            logger.info("skipping Helm release uninstallation: no storage namespace configured")
            return
        }
        let actionClient: KubeClient
        do {
            actionClient = try await clients.client(for: hr)
        } catch where error.isNotFound {
            logger.error("skipping Helm release uninstallation: \(error)")
            return
        } catch {
            hr.markFalse(MetaCondition.ready, reason: HelmReason.uninstallFailed,
                         message: "failed to build REST client getter to uninstall release: \(error)")
            throw error
        }
        if hr.spec.kubeConfig == nil, let user = actionClient.config.impersonation?.user, !user.isEmpty {
            let account = String(user.split(separator: ":").last ?? "")
            do {
                _ = try await client.get(ServiceAccount.apiResource, namespace: hr.namespace, name: account)
            } catch where error.isNotFound {
                logger.error("skipping Helm release uninstallation: \(error)")
                return
            } catch {
                hr.markFalse(MetaCondition.ready, reason: HelmReason.uninstallFailed,
                             message: "failed to confirm ServiceAccount '\(account)' can be used to uninstall release: \(error)")
                throw error
            }
        }
        do {
            try await reconcileUninstall(&hr, actionClient)
            logger.info("uninstalled Helm release for deleted resource")
        } catch ReconcileError.noLatest {
        }
        hr.status.clearHistory()
        hr.status.storageNamespace = nil
    }

    /// Runs the uninstall reconciler on the recorded release.
    func reconcileUninstall(_ hr: inout HelmRelease, _ actionClient: KubeClient) async throws {
        let request = ReleaseRequest(object: hr)
        defer { hr = request.object }
        try await UninstallAction(factory: factory(hr, actionClient), events: events, algorithm: options.snapshotDigestAlgorithm)
            .reconcile(request)
    }

    /// `adoptLegacyRelease`: a v2beta1 object with `status.lastReleaseRevision` and no history gets
    /// a snapshot of that release, so migration does not trigger an upgrade.
    func adoptLegacyRelease(_ hr: inout HelmRelease, _ actionClient: KubeClient) async {
        guard let revision = hr.status.lastReleaseRevision, revision >= 1, (hr.status.history ?? []).isEmpty else { return }
        let storage = hr.storageNamespace
        let config = ActionFactory(client: actionClient, storageNamespace: storage, releaseNamespace: hr.releaseNamespace,
                                   capabilities: capabilities, postRenderer: .identity).build()
        guard let release = try? await config.storage.get(hr.releaseName, version: revision) else {
            logger.error("failed to adopt v2beta1 release state")
            return
        }
        var snap = Snapshots.snapshot(ReleaseObservation(release), algorithm: options.snapshotDigestAlgorithm)
        if hr.test.isEnabled { snap.testHooks = Snapshots.testHooks(release) }
        hr.status.history = (hr.status.history ?? []) + [snap]
        hr.status.storageNamespace = storage
        hr.status.lastReleaseRevision = nil
    }
}

/// `v1 ServiceAccount` (only its existence is checked).
enum ServiceAccount {
    static let apiResource = APIResource(group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true)
}
