import FluxAPI
import GoCompat
import KubeModel
import StructuredData
import Testing

@Suite("HelmRelease API helpers")
struct HelmReleaseAccessorTests {
    static func release(name: String = "podinfo", namespace: String = "apps", configure: (inout HelmReleaseSpec) -> Void = { _ in }) -> HelmRelease {
        var spec = HelmReleaseSpec(
            chart: HelmChartTemplate(spec: HelmChartTemplateSpec(chart: "podinfo", sourceRef: HelmChartTemplateSourceReference(name: "repo"))),
            interval: "5m")
        configure(&spec)
        return HelmRelease(metadata: ObjectMeta(name: name, namespace: namespace), spec: spec)
    }

    struct NameCase: Sendable, CustomTestStringConvertible {
        var name: String
        var releaseName: String?
        var targetNamespace: String?
        var expected: String
        var testDescription: String { "\(name) [releaseName: \(releaseName ?? "-"), targetNamespace: \(targetNamespace ?? "-")] → \(expected)" }
    }

    @Test("the release name is releaseName, else targetNamespace-name, else name", arguments: [
        NameCase(name: "podinfo", expected: "podinfo"),
        NameCase(name: "podinfo", targetNamespace: "prod", expected: "prod-podinfo"),
        NameCase(name: "podinfo", releaseName: "web", targetNamespace: "prod", expected: "web"),
        NameCase(name: "podinfo", releaseName: "", targetNamespace: "", expected: "podinfo"),
    ])
    func releaseName(_ c: NameCase) {
        let hr = Self.release(name: c.name) { $0.releaseName = c.releaseName; $0.targetNamespace = c.targetNamespace }
        #expect(hr.releaseName == c.expected)
    }

    @Test("names over 53 bytes are shortened to 40 bytes, a dash and 12 hex digits of their SHA-256", arguments: [
        ("podinfo", "podinfo"),
        (String(repeating: "a", count: 53), String(repeating: "a", count: 53)),
        (String(repeating: "a", count: 54), String(repeating: "a", count: 40) + "-" + "a3f01b693925"),
        ("team-platform-observability-production-kube-prometheus-stack", "team-platform-observability-production-k-227b217d2686"),
    ])
    func shortening(name: String, expected: String) {
        #expect(HelmRelease.shortenReleaseName(name) == expected)
        #expect(HelmRelease.shortenReleaseName(name).utf8.count <= 53)
    }

    @Test("namespaces, chart name and defaults follow the API's getters")
    func defaults() {
        let hr = Self.release()
        #expect(hr.releaseNamespace == "apps")
        #expect(hr.storageNamespace == "apps")
        #expect(hr.helmChartName == "apps-podinfo")
        #expect(hr.timeout == GoDuration.seconds(300))
        #expect(hr.maxHistory == 5)
        #expect(hr.usesPersistentClient)
        #expect(hr.requeueAfter == GoDuration.seconds(300))
        #expect(hr.values.isEmpty)
        #expect(hr.install.crdsPolicy == .create)
        #expect(hr.upgrade.crdsPolicy == .create)
        #expect(hr.uninstall.deletionPropagationOrDefault == .background)
        #expect(hr.driftDetection.modeOrDefault == .disabled)
        #expect(!hr.driftDetection.mustDetectChanges)
        #expect(hr.activeRemediation == nil)
        #expect(hr.spec.chart.interval(default: hr.requeueAfter) == GoDuration.seconds(300))
        #expect(hr.spec.chart.namespace(default: hr.namespace) == "apps")
        #expect(ValuesReference(kind: .configMap, name: "v").valuesKeyOrDefault == "values.yaml")

        let set = Self.release {
            $0.targetNamespace = "prod"
            $0.storageNamespace = "store"
            $0.timeout = "90s"
            $0.maxHistory = 0
            $0.persistentClient = false
            $0.values = ["replicaCount": 2]
            $0.driftDetection = DriftDetection()
            $0.driftDetection?.mode = .warn
        }
        #expect(set.releaseNamespace == "prod")
        #expect(set.storageNamespace == "store")
        #expect(set.timeout == .seconds(90))
        #expect(set.maxHistory == 0)
        #expect(!set.usesPersistentClient)
        #expect(set.values == ["replicaCount": 2])
        #expect(set.driftDetection.mustDetectChanges)
    }

    @Test("status.helmChart splits into namespace and name")
    func helmChartReference() {
        var status = HelmReleaseStatus()
        #expect(status.helmChartReference == nil)
        status.helmChart = "flux-system/apps-podinfo"
        #expect(status.helmChartReference?.namespace == "flux-system")
        #expect(status.helmChartReference?.name == "apps-podinfo")
        status.helmChart = "no-slash"
        #expect(status.helmChartReference == nil)
    }

    @Test("the active remediation follows the last attempted action")
    func remediation() throws {
        var hr = Self.release {
            $0.install = Install()
            $0.install?.remediation = InstallRemediation()
            $0.install?.remediation?.retries = 2
            $0.upgrade = Upgrade()
            $0.upgrade?.remediation = UpgradeRemediation()
            $0.upgrade?.remediation?.retries = -1
        }
        hr.status.lastAttemptedReleaseAction = .install
        let install = try #require(hr.activeRemediation)
        #expect(install.strategy == .uninstall)
        #expect(!install.mustRemediateLastFailure)
        hr.status.installFailures = 2
        #expect(!install.retriesExhausted(hr.status))
        install.incrementFailureCount(&hr.status)
        #expect(hr.status.installFailures == 3)
        #expect(install.retriesExhausted(hr.status))

        hr.status.lastAttemptedReleaseAction = .upgrade
        let upgrade = hr.activeRemediation
        #expect(upgrade?.strategy == .rollback)
        #expect(upgrade?.mustRemediateLastFailure == false)
        hr.status.upgradeFailures = 100
        #expect(upgrade?.retriesExhausted(hr.status) == false, "negative retries are unlimited")
        #expect(Remediation.upgrade(UpgradeRemediation()).mustIgnoreTestFailures(default: true))
    }

    struct RequestCase: Sendable, CustomTestStringConvertible {
        var name: String
        var forceAt: String?
        var requestedAt: String?
        var lastHandledReconcileAt: String?
        var lastHandledForceAt: String?
        var handles: Bool
        var recorded: String?
        var testDescription: String { name }
    }

    @Test("a force request is handled once, only together with a matching reconcile request", arguments: [
        RequestCase(name: "no annotation", handles: false, recorded: "old"),
        RequestCase(name: "force without reconcile request", forceAt: "t1", handles: false, recorded: "t1"),
        RequestCase(name: "force and reconcile request equal", forceAt: "t1", requestedAt: "t1", handles: true, recorded: "t1"),
        RequestCase(name: "values differ", forceAt: "t1", requestedAt: "t2", handles: false, recorded: "t1"),
        RequestCase(name: "reconcile request already handled", forceAt: "t1", requestedAt: "t1", lastHandledReconcileAt: "t1",
                    handles: false, recorded: "t1"),
        RequestCase(name: "force already handled", forceAt: "t1", requestedAt: "t1", lastHandledForceAt: "t1", handles: false, recorded: "t1"),
    ])
    func forceRequest(_ c: RequestCase) {
        var hr = Self.release()
        var annotations: [String: String] = [:]
        annotations[FluxAnnotations.forceRequestedAt] = c.forceAt
        annotations[FluxAnnotations.reconcileRequestedAt] = c.requestedAt
        hr.metadata.annotations = annotations
        hr.status.lastHandledReconcileAt = c.lastHandledReconcileAt
        hr.status.lastHandledForceAt = c.lastHandledForceAt ?? "old"
        #expect(hr.shouldHandleForceRequest() == c.handles)
        #expect(hr.status.lastHandledForceAt == c.recorded)
        #expect(hr.status.lastHandledResetAt == nil)
    }
}
