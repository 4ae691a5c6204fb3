import FluxAPI
import FluxSSA
import HelmActions
import KubeModel

extension AtomicRelease {
    /// `actionForState`: the one action for `state`, or nil when the release is done. A force
    /// request (`reconcile.fluxcd.io/forceAt` equal to `requestedAt`) is consumed here, once.
    func actionForState(_ request: ReleaseRequest, _ state: ReleaseState) async throws -> (any ActionReconciler)? {
        let forceRequested = request.object.shouldHandleForceRequest()
        let hr = request.object
        switch state.status {
        case .inSync:
            logger.info("release in-sync with desired state")
            request.object.status.history?.truncate(ignoreTests: ignoreTestFailures(hr))
            request.object.status.lastAppliedRevision = request.object.status.history?.latest?.chartVersion
            if forceRequested {
                logger.info("forcing upgrade for in-sync release: force requested through annotation")
                return upgrade()
            }
            replaceRemediatedWithReleased(request)
            return nil
        case .locked:
            logger.info("release locked: \(state.reason)")
            return UnlockAction(factory: factory, events: events, algorithm: algorithm)
        case .absent:
            logger.info("release not installed: \(state.reason)")
            if hr.install.remediationOrDefaultRemediation.retriesExhausted(hr.status) {
                if forceRequested {
                    logger.info("forcing install while out of retries: force requested through annotation")
                    return InstallAction(factory: factory, events: events, algorithm: algorithm, postRenderer: postRenderer)
                }
                throw ReconcileError.exceededMaxRetries("cannot install release")
            }
            return InstallAction(factory: factory, events: events, algorithm: algorithm, postRenderer: postRenderer)
        case .unmanaged:
            logger.info("release not managed by controller: \(state.reason)")
            request.object.status.clearHistory()
            return upgrade()
        case .outOfSync:
            logger.info("release out-of-sync with desired state: \(state.reason)")
            if hr.upgrade.remediationOrDefaultRemediation.retriesExhausted(hr.status) {
                if forceRequested {
                    logger.info("forcing upgrade while out of retries: force requested through annotation")
                    return upgrade()
                }
                throw ReconcileError.exceededMaxRetries("cannot upgrade release")
            }
            return upgrade()
        case .drifted:
            logger.info("detected changes in cluster state: \(state.diff.briefSummary())")
            let latest = hr.status.history?.latest?.fullReleaseName ?? ""
            events.event(hr, type: .warning, reason: "DriftDetected",
                         message: "Cluster state of release \(latest) has drifted from the desired state:\n\(state.diff.summary())")
            if hr.driftDetection.modeOrDefault == .enabled {
                return CorrectClusterDriftAction(factory: factory, events: events, diff: state.diff)
            }
            return nil
        case .untested:
            logger.info("release has not been tested\(state.reason.isEmpty ? "" : ": " + state.reason)")
            replaceRemediatedWithReleased(request)
            return TestAction(factory: factory, events: events, algorithm: algorithm)
        case .failed:
            logger.info("release is in a failed state\(state.reason.isEmpty ? "" : ": " + state.reason)")
            guard let remediation = hr.activeRemediation else {
                logger.debug("no active remediation strategy")
                return upgrade()
            }
            if remediation.failureCount(hr.status) <= 0 {
                logger.info("release conditions have changed since last failure")
                return upgrade()
            }
            if forceRequested {
                logger.info("forcing upgrade for failed release: force requested through annotation")
                return upgrade()
            }
            if remediation.retriesExhausted(hr.status) && !remediation.mustRemediateLastFailure {
                throw ReconcileError.exceededMaxRetries("cannot remediate failed release")
            }
            let ignoreTests = remediation.mustIgnoreTestFailures(default: hr.test.ignoreFailures ?? false)
            request.object.status.history?.truncate(ignoreTests: ignoreTests)
            switch remediation.strategy {
            case .rollback:
                return try await rollbackTarget(request, ignoreTests: ignoreTests)
            case .uninstall:
                return UninstallRemediationAction(factory: factory, events: events, algorithm: algorithm)
            }
        case .unknown:
            throw ReconcileError.other("unknown release status: \(state.status.rawValue)")
        }
    }

    func upgrade() -> UpgradeAction {
        UpgradeAction(factory: factory, events: events, algorithm: algorithm, postRenderer: postRenderer)
    }

    /// `test.ignoreFailures`, overridden by the active remediation's `ignoreTestFailures`.
    func ignoreTestFailures(_ hr: HelmRelease) -> Bool {
        let fallback = hr.test.ignoreFailures ?? false
        return hr.activeRemediation?.mustIgnoreTestFailures(default: fallback) ?? fallback
    }

    /// A rollback landed on the now desired state: `Remediated` becomes `Released=True UpgradeSucceeded`.
    func replaceRemediatedWithReleased(_ request: ReleaseRequest) {
        guard request.object.isTrue(HelmCondition.remediated), let latest = request.object.status.history?.latest else { return }
        request.replaceCondition(HelmCondition.remediated, with: HelmCondition.released, reason: HelmReason.upgradeSucceeded,
                                 message: "Helm upgrade succeeded for release \(latest.fullReleaseName) with chart \(latest.versionedChartName)",
                                 status: .true)
    }

    /// The rollback remediation when `History.Previous` still matches storage (`VerifySnapshot`);
    /// an upgrade when the target disappeared, was not observed or its digest is invalid;
    /// `missing target release for rollback` when there is none.
    func rollbackTarget(_ request: ReleaseRequest, ignoreTests: Bool) async throws -> any ActionReconciler {
        guard let previous = request.object.status.history?.previous(ignoreTests: ignoreTests) else {
            throw ReconcileError.missingRollbackTarget("cannot remediate failed release")
        }
        let config = factory.build()
        let stored: HelmActions.Release
        do {
            stored = try await config.storage.get(previous.name, version: previous.version)
        } catch {
            if case .releaseNotFound = error {
                logger.info("unable to verify previous release in storage to roll back to: release disappeared from storage")
                return upgrade()
            }
            throw ReconcileError.other("cannot verify previous release to roll back to: \(error)")
        }
        switch Snapshots.verify(previous, stored) {
        case .verified:
            return RollbackRemediationAction(factory: factory, events: events, algorithm: algorithm)
        case .digestError:
            logger.info("unable to verify previous release in storage to roll back to: release digest verification error")
            return upgrade()
        case .notObserved:
            logger.info("unable to verify previous release in storage to roll back to: release not observed to be made for object")
            return upgrade()
        }
    }
}

extension FluxAPI.Install {
    /// `GetRemediation()` as a `Remediation`.
    var remediationOrDefaultRemediation: Remediation { .install(remediationOrDefault) }
}

extension FluxAPI.Upgrade {
    /// `GetRemediation()` as a `Remediation`.
    var remediationOrDefaultRemediation: Remediation { .upgrade(remediationOrDefault) }
}
