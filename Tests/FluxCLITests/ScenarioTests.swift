import FluxAPI
import FluxCLI
import Foundation
import GoCompat
import HelmActions
import KubeModel
import SharedTestData
import StructuredData
import Testing

/// A helm-controller stand-in for the new-user scenario: on first install it writes the Helm
/// release storage Secret, the Deployment the chart renders (with helm-controller's owner
/// labels), the HelmChart, and an `InstallSucceeded` event.
enum ScenarioController {
    static let eventTime = "2024-01-01T00:00:00Z"

    static let helmRepository = SimulatedController.Behavior(
        resource: HelmRepository.apiResource, message: { _ in "stored artifact: revision 'sha256:0b63ea3c'" },
        fields: { _ in ["artifact": Simulated.artifact("sha256:0b63ea3cc08b9fb1bf3a9db4ec6db3a44262f3b1f1e1e2c0fcb1e5d6a3c0d1e2")] })

    static let helmChart = SimulatedController.Behavior(
        resource: HelmChart.apiResource, message: { _ in "pulled 'podinfo' chart with version '6.5.3'" },
        fields: { _ in ["artifact": Simulated.artifact("6.5.3")] })

    static let helmRelease = SimulatedController.Behavior(
        resource: HelmRelease.apiResource,
        message: { o in "Helm install succeeded for release \(o.namespace)/\(o.name).v1 with chart podinfo@6.5.3" },
        fields: { o in
            ["lastAppliedRevision": "6.5.3", "helmChart": .string("\(o.namespace)/\(o.namespace)-\(o.name)"),
             "storageNamespace": .string(o.namespace),
             "history": [["name": .string(o.name), "namespace": .string(o.namespace), "version": 1, "status": "deployed",
                          "chartName": "podinfo", "chartVersion": "6.5.3", "configDigest": "sha256:abc", "digest": "sha256:def",
                          "firstDeployed": .string(eventTime), "lastDeployed": .string(eventTime)]]]
        },
        companions: companions)

    static func companions(_ hr: KubeObject) -> [KubeObject] {
        let (ns, name) = (hr.namespace, hr.name)
        let labels: JSONValue = ["app.kubernetes.io/name": .string(name), "helm.toolkit.fluxcd.io/name": .string(name),
                                 "helm.toolkit.fluxcd.io/namespace": .string(ns)]
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "namespace": .string(ns), "labels": labels],
            "spec": ["replicas": 1, "selector": ["matchLabels": ["app.kubernetes.io/name": .string(name)]],
                     "template": ["metadata": ["labels": ["app.kubernetes.io/name": .string(name)]],
                                  "spec": ["containers": [["name": "podinfo", "image": "ghcr.io/stefanprodan/podinfo:6.5.3"]]]]],
        ]
        var release = Release(name: name, namespace: ns, version: 1, manifest: "---\n" + ((try? YAML.serialize(deployment)) ?? ""))
        release.info = ReleaseInfo(status: .deployed)
        var objects: [KubeObject] = []
        if let secret = try? SecretDriver.secret(key: ReleaseKey.make(name: name, version: 1), namespace: ns, release: release,
                                                 labels: ["name": name, "owner": "helm", "status": "deployed", "version": "1"]) {
            objects.append(secret)
        }
        objects.append(KubeObject(deployment))
        objects.append(KubeObject(["apiVersion": .string(HelmChart.apiResource.apiVersion), "kind": "HelmChart",
                                   "metadata": ["name": .string("\(ns)-\(name)"), "namespace": .string(ns)],
                                   "spec": ["chart": "podinfo", "interval": "1m", "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]]]))
        objects.append(KubeObject(["apiVersion": "v1", "kind": "Event",
                                   "metadata": ["name": .string("\(name).17a0b1c2d3e4f5a6"), "namespace": .string(ns)],
                                   "involvedObject": ["apiVersion": .string(HelmRelease.apiResource.apiVersion), "kind": "HelmRelease",
                                                      "name": .string(name), "namespace": .string(ns)],
                                   "reason": "InstallSucceeded", "type": "Normal", "count": 1,
                                   "message": .string("Helm install succeeded for release \(ns)/\(name).v1 with chart podinfo@6.5.3"),
                                   "firstTimestamp": .string(eventTime), "lastTimestamp": .string(eventTime),
                                   "source": ["component": "helm-controller"]]))
        return objects
    }
}

@Suite("flux as a new user types it (issue acceptance scenario)", .enabled(if: SharedConformance.isAvailable))
struct ScenarioTests {
    @Test("create source helm, create hr, get, reconcile --force, suspend/resume, trace, events, export, delete")
    func newUser() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("apps")
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [ScenarioController.helmRepository, ScenarioController.helmChart,
                                                                      ScenarioController.helmRelease])
        defer { controller.stop() }
        func step(_ args: String, _ expected: String) async {
            let result = await harness.run("\(args) -n \(ns)")
            #expect(result.code == 0, "\(args)")
            expectOutput(result.output, expected)
        }
        await step("create source helm podinfo --url=https://stefanprodan.github.io/podinfo", """
            ✚ generating HelmRepository source
            ► applying HelmRepository source
            ✔ source created
            ◎ waiting for HelmRepository source reconciliation
            ✔ HelmRepository source reconciliation completed
            ✔ fetched revision: sha256:0b63ea3cc08b9fb1bf3a9db4ec6db3a44262f3b1f1e1e2c0fcb1e5d6a3c0d1e2

            """)
        await step("create hr podinfo --chart=podinfo --source=HelmRepository/podinfo", """
            ✚ generating HelmRelease
            ► applying HelmRelease
            ✔ HelmRelease created
            ◎ waiting for HelmRelease reconciliation
            ✔ HelmRelease podinfo is ready
            ✔ applied revision 6.5.3

            """)
        let message = "Helm install succeeded for release \(ns)/podinfo.v1 with chart podinfo@6.5.3"
        await step("get hr", TablePrinter_expected(["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
                                                   [["podinfo", "6.5.3", "False", "True", message]]))
        await step("reconcile hr podinfo --force", """
            ► annotating HelmRelease podinfo in \(ns) namespace
            ✔ HelmRelease annotated
            ◎ waiting for HelmRelease reconciliation
            ✔ applied revision 6.5.3

            """)
        let hr = try await harness.client.get(HelmRelease.apiResource, namespace: ns, name: "podinfo")
        let token = hr.annotations["reconcile.fluxcd.io/requestedAt"]
        #expect(token != nil && hr.annotations["reconcile.fluxcd.io/forceAt"] == token && hr.annotations["reconcile.fluxcd.io/resetAt"] == nil)
        await step("suspend hr podinfo", "► suspending helmrelease podinfo in \(ns) namespace\n✔ helmrelease suspended\n")
        await step("resume hr podinfo", """
            ► resuming helmrelease podinfo in \(ns) namespace
            ✔ helmrelease resumed
            ◎ waiting for HelmRelease reconciliation
            ✔ HelmRelease podinfo reconciliation completed
            ✔ applied revision 6.5.3

            """)
        let deployed = try await harness.client.get(HelmRelease.apiResource, namespace: ns, name: "podinfo")
        let lastReconcile = TimeZoneInfo(TimeZone(identifier: "UTC")!).goString(rfc3339: deployed.condition("Ready")?.lastTransitionTime ?? "")
        let chart = try await harness.client.get(HelmChart.apiResource, namespace: ns, name: "\(ns)-podinfo")
        let chartReconcile = TimeZoneInfo(TimeZone(identifier: "UTC")!).goString(rfc3339: chart.condition("Ready")?.lastTransitionTime ?? "")
        let repo = try await harness.client.get(HelmRepository.apiResource, namespace: ns, name: "podinfo")
        let repoReconcile = TimeZoneInfo(TimeZone(identifier: "UTC")!).goString(rfc3339: repo.condition("Ready")?.lastTransitionTime ?? "")
        await step("trace deployment/podinfo", """

            Object:         Deployment/podinfo
            Namespace:      \(ns)
            Status:         Managed by Flux
            ---
            HelmRelease:    podinfo
            Namespace:      \(ns)
            Revision:       6.5.3
            Status:         Last reconciled at \(lastReconcile)
            Message:        \(message)
            ---
            HelmChart:      \(ns)-podinfo
            Namespace:      \(ns)
            Chart:          podinfo
            Version:        *
            Revision:       6.5.3
            Status:         Last reconciled at \(chartReconcile)
            Message:        pulled 'podinfo' chart with version '6.5.3'
            ---
            HelmRepository: podinfo
            Namespace:      \(ns)
            URL:            https://stefanprodan.github.io/podinfo
            Revision:       sha256:0b63ea3cc08b9fb1bf3a9db4ec6db3a44262f3b1f1e1e2c0fcb1e5d6a3c0d1e2
            Status:         Last reconciled at \(repoReconcile)
            Message:        stored artifact: revision 'sha256:0b63ea3c'

            """)
        let events = CapturedOutput()
        var env = harness.environment(output: events)
        env.now = { GoTime(unixSeconds: 1_704_067_290) }
        _ = await FluxCLI.run(["events", "--for", "HelmRelease/podinfo", "-n", ns], environment: env)
        expectOutput(events.text, TablePrinter_expected(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
                                                        [["90s", "Normal", "InstallSucceeded", "HelmRelease/podinfo", message]]))
        await step("export hr --all", """
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2beta2
            kind: HelmRelease
            metadata:
              annotations:
                reconcile.fluxcd.io/forceAt: "\(token ?? "")"
                reconcile.fluxcd.io/requestedAt: "\(token ?? "")"
              name: podinfo
              namespace: \(ns)
            spec:
              chart:
                spec:
                  chart: podinfo
                  reconcileStrategy: ChartVersion
                  sourceRef:
                    kind: HelmRepository
                    name: podinfo
                  version: '*'
              interval: 1m0s

            """)
        try await harness.create(KubeObject([
            "apiVersion": .string(Kustomization.apiResource.apiVersion), "kind": "Kustomization",
            "metadata": ["name": "apps", "namespace": .string(ns)],
            "spec": ["interval": "10m", "path": "./apps", "prune": true, "sourceRef": ["kind": "GitRepository", "name": "flux-system"]],
            "status": ["inventory": ["entries": [["id": .string("\(ns)_podinfo_source.toolkit.fluxcd.io_HelmRepository"), "v": "v1beta2"],
                                                  ["id": .string("\(ns)_podinfo_helm.toolkit.fluxcd.io_HelmRelease"), "v": "v2beta2"]]]],
        ]))
        await step("tree ks apps", """
            Kustomization/\(ns)/apps
            ├── HelmRepository/\(ns)/podinfo
            └── HelmRelease/\(ns)/podinfo
                └── Deployment/\(ns)/podinfo


            """)
        await step("tree ks apps --compact", """
            Kustomization/\(ns)/apps
            ├── HelmRepository/\(ns)/podinfo
            └── HelmRelease/\(ns)/podinfo


            """)
        await step("delete hr podinfo --silent", "► deleting helmrelease podinfo in \(ns) namespace\n✔ helmrelease deleted\n")
    }
}

/// A table as flux prints it (header cells tab-separated, the last followed by a space; rows end with a tab).
func TablePrinter_expected(_ header: [String], _ rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
    var out = header.enumerated().map { i, h in pad(h, widths[i]) + (i == header.count - 1 ? " " : "\t") }.joined() + "\n"
    for row in rows { out += row.enumerated().map { i, c in pad(c, widths[i]) + "\t" }.joined() + "\n" }
    return out
}
