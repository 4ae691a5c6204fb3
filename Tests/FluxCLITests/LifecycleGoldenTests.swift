import FluxAPI
import FluxCLI
import KubeModel
import SharedTestData
import StructuredData
import Testing

private let data = "flux-v2.2.0/cli-testdata"

/// The controllers' answers the e2e goldens were recorded with.
enum Simulated {
    static let gitRevision = "6.3.5@sha1:67e2c98a60dc92283531412a9e604dd4bae005a9"
    static let ociRevision = "6.3.5@sha256:6c959c51ccbb952e5fe4737563338a0aaf975675dcf812912cf09e5463181871"

    static func artifact(_ revision: String) -> JSONValue {
        ["path": "example", "url": "example", "revision": .string(revision), "lastUpdateTime": "2023-01-01T00:00:00Z"]
    }

    static let gitRepository = SimulatedController.Behavior(
        resource: GitRepository.apiResource, message: { _ in "stored artifact for revision '\(gitRevision)'" },
        fields: { _ in ["artifact": artifact(gitRevision)] })

    static let helmChart = SimulatedController.Behavior(
        resource: HelmChart.apiResource, message: { _ in "pulled 'podinfo' chart with version '6.3.5'" },
        fields: { _ in ["artifact": artifact("6.3.5")] })

    /// A HelmRelease that installs and, the first time, gets its HelmChart as helm-controller creates it.
    static let helmRelease = SimulatedController.Behavior(
        resource: HelmRelease.apiResource,
        message: { o in "Helm install succeeded for release \(o.namespace)/\(o.name).v1 with chart podinfo@6.3.5" },
        fields: { o in ["lastAppliedRevision": "6.3.5", "helmChart": .string("\(o.namespace)/\(o.namespace)-\(o.name)")] },
        companions: { o in
            [KubeObject(["apiVersion": .string(HelmChart.apiResource.apiVersion), "kind": "HelmChart",
                         "metadata": ["name": .string("\(o.namespace)-\(o.name)"), "namespace": .string(o.namespace)],
                         "spec": ["chart": "./charts/podinfo", "interval": "1m",
                                  "sourceRef": ["kind": "GitRepository", "name": .string(o.name)]]])]
        })

    static let kustomization = SimulatedController.Behavior(
        resource: Kustomization.apiResource, message: { _ in "Applied revision: \(gitRevision)" },
        fields: { _ in ["lastAppliedRevision": .string(gitRevision)] })

    static let ociRepository = SimulatedController.Behavior(
        resource: OCIRepository.apiResource, message: { _ in "stored artifact for digest '\(ociRevision)'" },
        fields: { _ in ["artifact": artifact(ociRevision)] })

    static let imageRepository = SimulatedController.Behavior(
        resource: ImageRepository.apiResource, message: { _ in "successful scan: found 42 tags" },
        fields: { _ in ["lastScanResult": ["tagCount": 42, "scanTime": "2023-01-01T00:00:00Z"]] })

    static let imagePolicy = SimulatedController.Behavior(
        resource: ImagePolicy.apiResource,
        message: { o in "Latest image tag for 'ghcr.io/stefanprodan/podinfo' resolved to \(latest(o))" },
        fields: { o in ["latestImage": .string("ghcr.io/stefanprodan/podinfo:\(latest(o))")] })

    static func latest(_ policy: KubeObject) -> String {
        policy.raw[path: ["spec", "filterTags", "pattern"]] == nil ? "5.0.3" : "5.0.0"
    }

    /// Creates `namespace` (as the e2e tests' `kubectl create namespace`).
    static func namespace(_ harness: FluxHarness, _ name: String) async throws {
        try await harness.create(KubeObject(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]))
    }
}

/// Runs each step's command and compares its output with the golden, filled with `{{ .ns }}`
/// where the upstream test fills it.
func runSteps(_ harness: FluxHarness, _ namespace: String, _ steps: [(String, String, Bool)]) async throws {
    for (args, golden, templated) in steps {
        let result = await harness.run("\(args) -n=\(namespace)")
        #expect(result.code == 0, "\(args)")
        expectOutput(result.output, try Golden.read("\(data)/\(golden)", templated ? ["ns": namespace] : [:]))
    }
}

@Suite("flux helmrelease lifecycle (helmrelease_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct HelmReleaseGoldenTests {
    @Test("create, get, reconcile with source, suspend, resume and delete a HelmRelease from a GitRepository")
    func lifecycle() async throws {
        let harness = try await SharedHarness.get()
        let ns = "thrfg-1"
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [Simulated.gitRepository, Simulated.helmChart, Simulated.helmRelease])
        defer { controller.stop() }
        try await runSteps(harness, ns, [
            ("create source git thrfg --url=https://github.com/stefanprodan/podinfo --branch=main --tag=6.3.5",
             "helmrelease/create_source_git.golden", false),
            ("create helmrelease thrfg --source=GitRepository/thrfg --chart=./charts/podinfo",
             "helmrelease/create_helmrelease_from_git.golden", false),
            ("get helmrelease thrfg", "helmrelease/get_helmrelease_from_git.golden", false),
            ("reconcile helmrelease thrfg --with-source", "helmrelease/reconcile_helmrelease_from_git.golden", true),
            ("suspend helmrelease thrfg", "helmrelease/suspend_helmrelease_from_git.golden", true),
            ("resume helmrelease thrfg", "helmrelease/resume_helmrelease_from_git.golden", true),
            ("delete helmrelease thrfg --silent", "helmrelease/delete_helmrelease_from_git.golden", true),
        ])
    }
}

@Suite("flux kustomization lifecycle (kustomization_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct KustomizationGoldenTests {
    @Test("create, get, reconcile, suspend and resume (several names, --wait) and delete a Kustomization")
    func lifecycle() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("tkfg")
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [Simulated.gitRepository, Simulated.kustomization])
        defer { controller.stop() }
        try await runSteps(harness, ns, [
            ("create source git tkfg --url=https://github.com/stefanprodan/podinfo --branch=main --tag=6.3.5",
             "kustomization/create_source_git.golden", false),
            ("create kustomization tkfg --source=tkfg --path=./deploy/overlays/dev --prune=true --interval=5m --health-check=Deployment/frontend.dev --health-check=Deployment/backend.dev --health-check-timeout=3m",
             "kustomization/create_kustomization_from_git.golden", false),
            ("get kustomization tkfg", "kustomization/get_kustomization_from_git.golden", false),
            ("reconcile kustomization tkfg --with-source", "kustomization/reconcile_kustomization_from_git.golden", true),
            ("suspend kustomization tkfg", "kustomization/suspend_kustomization_from_git.golden", true),
            ("suspend kustomization tkfg foo tkfg bar", "kustomization/suspend_kustomization_from_git_multiple_args.golden", true),
            ("resume kustomization tkfg foo --wait", "kustomization/resume_kustomization_from_git_multiple_args_wait.golden", true),
            ("resume kustomization tkfg", "kustomization/resume_kustomization_from_git.golden", true),
            ("resume kustomization tkfg tkfg", "kustomization/resume_kustomization_from_git_multiple_args.golden", true),
            ("delete kustomization tkfg --silent", "kustomization/delete_kustomization_from_git.golden", true),
        ])
    }
}

@Suite("flux source oci lifecycle (source_oci_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct OCIGoldenTests {
    @Test("create, get, reconcile, suspend, resume and delete an OCIRepository")
    func lifecycle() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("oci-test")
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [Simulated.ociRepository])
        defer { controller.stop() }
        try await runSteps(harness, ns, [
            ("create source oci thrfg --url=oci://ghcr.io/stefanprodan/manifests/podinfo --tag=6.3.5 --interval 10m",
             "oci/create_source_oci.golden", false),
            ("get source oci thrfg", "oci/get_oci.golden", false),
            ("reconcile source oci thrfg", "oci/reconcile_oci.golden", true),
            ("suspend source oci thrfg", "oci/suspend_oci.golden", true),
            ("resume source oci thrfg", "oci/resume_oci.golden", true),
            ("delete source oci thrfg --silent", "oci/delete_oci.golden", true),
        ])
    }
}

@Suite("flux image automation (image_test.go goldens)", .enabled(if: SharedConformance.isAvailable))
struct ImageGoldenTests {
    @Test("create an ImageRepository and ImagePolicies, then read the latest image")
    func scanning() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("tis")
        try await Simulated.namespace(harness, ns)
        let controller = SimulatedController(harness, namespace: ns, [Simulated.imageRepository, Simulated.imagePolicy])
        defer { controller.stop() }
        try await runSteps(harness, ns, [
            ("create image repository podinfo --image=ghcr.io/stefanprodan/podinfo --interval=10m", "image/create_image_repository.golden", false),
            ("create image policy podinfo-semver --image-ref=podinfo --interval=10m --select-semver=5.0.x", "image/create_image_policy.golden", false),
            ("get image policy podinfo-semver", "image/get_image_policy_semver.golden", false),
            (#"create image policy podinfo-regex --image-ref=podinfo --interval=10m --select-semver=">4.0.0" --filter-regex="5\.0\.0""#,
             "image/create_image_policy.golden", false),
            ("get image policy podinfo-regex", "image/get_image_policy_regex.golden", false),
        ])
    }
}
