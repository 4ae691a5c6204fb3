import FluxSSA
import KubeModel
import StructuredData
import Testing

@Suite("Drift summaries, Secret masking and ignore-rule selectors")
struct DiffSummaryTests {
    static func deployment(_ name: String) -> KubeObject {
        KubeObject(apiVersion: "apps/v1", kind: "Deployment", name: name, namespace: "default")
    }

    static let set: [Diff] = [
        Diff(type: .update, desired: deployment("hello-world"), patch: [
            JSONDiffOperation(type: .add, path: "/metadata/labels/a", value: "1"),
            JSONDiffOperation(type: .replace, path: "/spec/replicas", value: 2, oldValue: 1),
            JSONDiffOperation(type: .remove, path: "/spec/paused", oldValue: true),
        ]),
        Diff(type: .create, desired: deployment("hello-world2")),
        Diff(type: .exclude, desired: deployment("hello-world3")),
        Diff(type: .none, desired: deployment("hello-world4")),
        Diff(type: .create, desired: KubeObject(apiVersion: "v1", kind: "Namespace", name: "apps")),
    ]

    @Test("the summary has helm-controller's lines for the default types")
    func summary() {
        #expect(Self.set.summary() == """
            Deployment/default/hello-world changed (1 additions, 1 changes, 1 removals)
            Deployment/default/hello-world2 removed
            Deployment/default/hello-world3 excluded
            Namespace/apps removed
            """)
        #expect(Self.set.summary(including: [.none]) == "Deployment/default/hello-world4 unchanged")
    }

    @Test("the brief summary counts per type in the order asked")
    func brief() {
        #expect(Self.set.briefSummary() == "removed: 2, changed: 1, excluded: 1")
        #expect(Self.set.briefSummary(including: [.none, .update]) == "unchanged: 1, changed: 1")
        #expect(Self.set.hasChanges && Self.set.has(.exclude))
    }

    @Test("corrections are ordered by reconcile order, then namespace and name")
    func sortedForApply() {
        #expect(Self.set.sortedForApply.map(\.subject).first == "Namespace/apps")
    }

    static let secret = KubeObject(apiVersion: "v1", kind: "Secret", name: "creds", namespace: "default")

    @Test("Secret data is masked in a copy of the patch; the diff keeps the real values")
    func masking() {
        let diff = Diff(type: .update, desired: Self.secret, patch: [
            JSONDiffOperation(type: .replace, path: "/data/password", value: "bmV3", oldValue: "b2xk"),
            JSONDiffOperation(type: .add, path: "/data/token", value: "dA=="),
            JSONDiffOperation(type: .remove, path: "/stringData/x", oldValue: "y"),
            JSONDiffOperation(type: .replace, path: "/data", value: ["a": "MQ==", "b": "Mg==", "c": "Mw=="],
                              oldValue: ["a": "MQ==", "b": "OQ=="]),
            JSONDiffOperation(type: .replace, path: "/type", value: "Opaque", oldValue: "other"),
        ])
        let masked = diff.maskedPatch
        #expect(masked[0].value == "*** (after)" && masked[0].oldValue == "*** (before)")
        #expect(masked[1].value == "***")
        #expect(masked[2].oldValue == "***" && masked[2].value == nil)
        #expect(masked[3].value == ["a": "***", "b": "*** (after)", "c": "***"])
        #expect(masked[3].oldValue == ["a": "***", "b": "*** (before)"])
        #expect(masked[4].value == "Opaque")
        #expect(diff.patch[0].value == "bmV3")
    }

    @Test("only core Secrets are masked")
    func configMapsAreNotMasked() {
        let diff = Diff(type: .update, desired: KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "c", namespace: "default"),
                        patch: [JSONDiffOperation(type: .replace, path: "/data/a", value: "after", oldValue: "before")])
        #expect(diff.maskedPatch == diff.patch)
    }

    @Test("invalid ignore rule selectors are rejected before diffing")
    func invalidSelector() async throws {
        let rule = IgnoreRule(paths: ["/spec/replicas"], target: DiffSelector(kind: "Deploy("))
        let manager = try ResourceManager(client: Clients.unreachable(), owner: Owner(field: "helm-controller", group: "helm.toolkit.fluxcd.io"))
        await #expect(throws: FluxSSAError(.selector, "failed to create ignore rule selector: invalid kind regex: error parsing regexp: `Deploy(`")) {
            _ = try await manager.diffAll([Self.deployment("a")], options: DiffOptions(ignoreRules: [rule]))
        }
    }

    @Test("excluded objects never reach the cluster")
    func exclusion() async throws {
        let manager = try ResourceManager(client: Clients.unreachable(), owner: Owner(field: "helm-controller", group: "helm.toolkit.fluxcd.io"))
        var excluded = Self.deployment("a")
        excluded.labels = [FluxMetadata.driftDetectionKey: "Disabled"]
        let result = try await manager.diffAll([excluded, Self.deployment("b")], options: DiffOptions.helmController(
            ignore: [IgnoreRule(paths: [""], target: DiffSelector(name: "b|c", labelSelector: "!app"))]))
        #expect(result.diffs.map(\.type) == [.exclude, .exclude])
        #expect(result.error == nil)
    }
}
