import ArtifactStorage
import FluxAPI
import Foundation
import HelmEngine
import KubeModel
import RegistryTesting
import SharedTestData
import StructuredData
import Testing

@Suite("HelmRepository and HelmChart failures and changes, compared with source-controller's conditions and events", .serialized,
       .enabled(if: TestTools.helm() != nil && SharedConformance.isAvailable))
struct HTTPRepositoryBehaviourTests {
    static func serve(_ body: (ChartRepositoryServer, String, (tgz: [UInt8], index: [UInt8])) async throws -> Void,
                      credentials: (user: String, password: String)? = nil) async throws {
        let podinfo = try await Podinfo.shared.package()
        let repo = ChartRepositoryServer(files: ["index.yaml": podinfo.index, "podinfo-6.5.3.tgz": podinfo.tgz], credentials: credentials)
        try await repo.run { base in try await body(repo, base, podinfo) }
    }

    @Test("a version the repository does not have stalls the chart with InvalidChartReference and is not retried")
    func missingVersion() async throws {
        try await Self.serve { _, base, _ in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("podinfo", version: "9.x", source: "podinfo"))
                let message = "invalid chart reference: failed to get chart version for remote reference: no 'podinfo' chart with version matching '9.x' found"
                let expected = [C("Stalled", "True", "InvalidChartReference", message),
                                C("Ready", "False", "InvalidChartReference", message),
                                C("FetchFailed", "True", "InvalidChartReference", message)]
                let chart = try await h.waitForChart("podinfo") { $0.summary == expected }
                #expect(chart.status.observedGeneration == 1)
                #expect(chart.status.artifact == nil)
                let events = try await h.events("HelmChart", "podinfo", reason: "InvalidChartReference")
                #expect(events.map { [$0.type, $0.message] } == [["Warning", message]])
            }
        }
    }

    @Test("credentials: a missing Secret is AuthenticationFailed, a refused password is the getter's 401")
    func credentials() async throws {
        try await Self.serve({ _, base, _ in
            try await SourceHarness.with { h in
                try await h.create(Objects.secret("wrong", ["username": "flux", "password": "nope"]))
                try await h.create(Objects.helmRepository("missing-secret", url: base + "/charts", secret: "absent"))
                try await h.create(Objects.helmRepository("wrong-password", url: base + "/charts", secret: "wrong"))

                let missing = "failed to get authentication secret 'flux-test/absent': secrets \"absent\" not found"
                let expectedMissing = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                                       C("Ready", "False", "AuthenticationFailed", missing),
                                       C("FetchFailed", "True", "AuthenticationFailed", missing)]
                _ = try await h.waitForRepository("missing-secret") { $0.summary == expectedMissing }
                #expect(try await h.events("HelmRepository", "missing-secret", reason: "AuthenticationFailed").first?.message == missing)

                let refused = "failed to fetch Helm repository index: failed to cache index to temporary file: failed to fetch \(base)/charts/index.yaml : 401 Unauthorized"
                let expectedRefused = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                                       C("Ready", "False", "Failed", refused),
                                       C("FetchFailed", "True", "Failed", refused)]
                _ = try await h.waitForRepository("wrong-password") { $0.summary == expectedRefused }
                #expect(try await h.events("HelmRepository", "wrong-password", reason: "Failed").first?.type == "Warning")
            }
        }, credentials: ("flux", "s3cret"))
    }

    @Test("an unreachable repository fails with Go's dial error, and its chart waits with NoSourceArtifact")
    func unreachable() async throws {
        try await SourceHarness.with { h in
            try await h.create(Objects.helmRepository("down", url: "http://127.0.0.1:1/charts"))
            try await h.create(Objects.helmChart("podinfo", source: "down"))
            let message = "failed to fetch Helm repository index: failed to cache index to temporary file: Get \"http://127.0.0.1:1/charts/index.yaml\": dial tcp 127.0.0.1:1: connect: connection refused"
            let expected = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                            C("Ready", "False", "Failed", message),
                            C("FetchFailed", "True", "Failed", message)]
            let repository = try await h.waitForRepository("down") { $0.summary == expected }
            #expect(repository.status.artifact == nil && repository.status.url == nil)
            #expect(try await h.events("HelmRepository", "down", reason: "Failed").first.map { [$0.type, $0.message] } == ["Warning", message])

            let waiting = "no artifact available for HelmRepository source 'down'"
            let chartExpected = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                                 C("Ready", "False", "NoSourceArtifact", waiting),
                                 C("FetchFailed", "True", "NoSourceArtifact", waiting)]
            _ = try await h.waitForChart("podinfo") { $0.summary == chartExpected }
            #expect(try await h.events("HelmChart", "podinfo", reason: "NoSourceArtifact").first.map { [$0.type, $0.message] } == ["Normal", waiting])
        }
    }

    @Test("a corrupted stored chart fails its integrity check, is deleted and rebuilt")
    func corruptedArtifact() async throws {
        try await Self.serve { _, base, podinfo in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("podinfo", source: "podinfo"))
                let ready = try await h.waitForChart("podinfo") { $0.isReady }
                let artifact = try #require(ready.status.artifact)
                let file = h.storage + "/" + artifact.path
                // A reconcile still running from the start-up (the repository's own updates wake
                // the chart) may rewrite the file just after it is corrupted; then the requested
                // reconcile finds it intact, and the corruption is tried again.
                var failed: [SourceHarness.RecordedEvent] = []
                var rebuilt = ready
                for attempt in 1...5 where failed.isEmpty {
                    try Data("not a chart".utf8).write(to: URL(fileURLWithPath: file))
                    try await h.requestReconcile(HelmChart.self, "podinfo", token: "check\(attempt)")
                    rebuilt = try await h.waitForChart("podinfo") { $0.status.lastHandledReconcileAt == "check\(attempt)" && $0.isReady }
                    failed = try await h.events("HelmChart", "podinfo", reason: "ArtifactVerificationFailed")
                }
                #expect(rebuilt.status.artifact?.digest == artifact.digest)
                #expect(FileManager.default.contents(atPath: file).map { Array($0) } == podinfo.tgz)
                #expect(failed.map { [$0.type, $0.message] } == [["Warning", "failed to verify integrity of artifact: computed digest doesn't match '\(artifact.digest ?? "")'"]])
                // Upstream compares with the object as the reconcile found it (artifact still set,
                // same digest after the rebuild): no new ChartPullSucceeded event.
                #expect(try await h.events("HelmChart", "podinfo", reason: "ChartPullSucceeded").map(\.count) == [1])
            }
        }
    }

    @Test("values files are merged into a packaged chart versioned 6.5.3+<generation>; a spec change builds the next one")
    func valuesFiles() async throws {
        try await Self.serve { _, base, _ in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("prod", source: "podinfo", valuesFiles: ["values.yaml", "values-prod.yaml"]))
                let summary = "packaged 'podinfo' chart with version '6.5.3+1' and merged values files [values.yaml values-prod.yaml]"
                let chart = try await h.waitForChart("prod") { $0.isReady }
                #expect(chart.summary == [C("Ready", "True", "ChartPackageSucceeded", summary),
                                          C("ArtifactInStorage", "True", "ChartPackageSucceeded", summary)])
                let artifact = try #require(chart.status.artifact)
                #expect(artifact.revision == "6.5.3+1" && artifact.path == "helmchart/flux-test/prod/podinfo-6.5.3+1.tgz")
                let served = try await HTTPRepositoryAcceptanceTests.download(artifact.url)
                #expect(DigestAlgorithm.sha256.digest(served.body).description == artifact.digest)
                let loaded = try ChartLoader().loadArchive(served.body)
                #expect(loaded.metadata.version == "6.5.3+1")
                #expect(loaded.values["ui"]?["color"]?.stringValue == "#34577c")
                #expect(try await h.events("HelmChart", "prod", reason: "ChartPackageSucceeded").map(\.message) == [summary])

                _ = try await h.client.patch(HelmChart.apiResource, namespace: h.namespace, name: "prod", type: .merge,
                                             body: ["spec": ["valuesFiles": ["values-prod.yaml"]]])
                let next = try await h.waitForChart("prod") { $0.status.artifact?.revision == "6.5.3+2" && $0.isReady }
                #expect(next.condition("Ready")?.message == "packaged 'podinfo' chart with version '6.5.3+2' and merged values files [values-prod.yaml]")
                #expect(next.status.observedGeneration == 2)
                let files = try FileManager.default.contentsOfDirectory(atPath: h.storage + "/helmchart/flux-test/prod").filter { $0.hasSuffix(".tgz") }.sorted()
                #expect(files == ["podinfo-6.5.3+1.tgz", "podinfo-6.5.3+2.tgz"])
            }
        }
    }

    @Test("a new index revision re-queues the charts of the repository, which record it without rebuilding")
    func newIndexRevision() async throws {
        try await Self.serve { repo, base, podinfo in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("podinfo", source: "podinfo"))
                let first = try await h.waitForChart("podinfo") { $0.isReady }
                // A new `generated` time: a new revision and a different stored (JSON) index.
                let text = String(decoding: podinfo.index, as: UTF8.self)
                let changed = Array(text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.hasPrefix("generated:") ? "generated: \"2020-01-01T00:00:00Z\"" : String($0)
                }.joined(separator: "\n").utf8)
                repo.set("index.yaml", changed)
                let revision = DigestAlgorithm.sha256.digest(changed).description
                try await h.requestReconcile(HelmRepository.self, "podinfo", token: "new")
                let repository = try await h.waitForRepository("podinfo") { $0.status.artifact?.revision == revision && $0.isReady }
                let newArtifacts = try await h.events("HelmRepository", "podinfo", reason: "NewArtifact")
                let all = try await h.events("HelmRepository", "podinfo")
                #expect(newArtifacts.count == 2, "\(all)")
                let chart = try await h.waitForChart("podinfo") { $0.status.observedSourceArtifactRevision == revision }
                #expect(chart.status.artifact == first.status.artifact)
                #expect(repository.status.url?.hasSuffix("/helmrepository/flux-test/podinfo/index.yaml") == true)
            }
        }
    }

    @Test("deleting a chart removes its artifacts and finalizer")
    func deletion() async throws {
        try await Self.serve { _, base, _ in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("podinfo", source: "podinfo"))
                let chart = try await h.waitForChart("podinfo") { $0.isReady }
                #expect(chart.metadata.finalizers == ["finalizers.fluxcd.io"])
                _ = try await h.client.delete(HelmChart.self, namespace: h.namespace, name: "podinfo")
                let gone = try await eventually(within: .seconds(30)) { (try? await h.helmChart("podinfo")) == nil }
                #expect(gone)
                #expect(!FileManager.default.fileExists(atPath: h.storage + "/helmchart/flux-test/podinfo"))
                #expect(try await h.events("HelmChart", "podinfo", reason: "GarbageCollectionSucceeded").map(\.message)
                        == ["garbage collected artifacts for deleted resource"])
            }
        }
    }

    @Test("GitRepository sources: a missing one is SourceUnavailable, one without an artifact is NoSourceArtifact")
    func gitRepositorySource() async throws {
        try await SourceHarness.with { h in
            try await h.create(Objects.helmChart("missing", chart: "charts/podinfo", version: nil, kind: .gitRepository, source: "absent"))
            let notFound = "failed to get source: gitrepositories.source.toolkit.fluxcd.io \"absent\" not found"
            _ = try await h.waitForChart("missing") {
                $0.summary == [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                               C("Ready", "False", "SourceUnavailable", notFound),
                               C("FetchFailed", "True", "SourceUnavailable", notFound)]
            }
            #expect(try await h.events("HelmChart", "missing", reason: "SourceUnavailable").first.map { [$0.type, $0.message] } == ["Warning", notFound])

            try await h.create(GitRepository(metadata: ObjectMeta(name: "podinfo", namespace: h.namespace),
                                             spec: GitRepositorySpec(url: "https://github.com/stefanprodan/podinfo", interval: "5m")))
            try await h.create(Objects.helmChart("git", chart: "charts/podinfo", version: nil, kind: .gitRepository, source: "podinfo"))
            let waiting = "no artifact available for GitRepository source 'podinfo'"
            _ = try await h.waitForChart("git") {
                $0.summary == [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                               C("Ready", "False", "NoSourceArtifact", waiting),
                               C("FetchFailed", "True", "NoSourceArtifact", waiting)]
            }
        }
    }

    @Test("OCI HelmRepositories are static: a leftover finalizer and status are removed once, with the Trace event Migration")
    func ociMigration() async throws {
        try await SourceHarness.with { h in
            var legacy = Objects.helmRepository("legacy", url: "oci://registry.example/charts", type: .oci)
            legacy.metadata.finalizers = ["finalizers.fluxcd.io"]
            try await h.create(legacy)
            try await h.create(Objects.helmRepository("static", url: "oci://registry.example/charts", type: .oci))
            let migration = "removed artifact and finalizer to migrate to static HelmRepository of type OCI"
            let migrated = try await h.waitForRepository("legacy") { ($0.metadata.finalizers ?? []).isEmpty }
            #expect(migrated.conditions.isEmpty && migrated.status.artifact == nil && migrated.status.url == nil)
            let ok = try await eventually(within: .seconds(30)) {
                try await h.events("HelmRepository", "legacy", reason: "Migration").map(\.message) == [migration]
            }
            #expect(ok)
            let plain = try await h.waitForRepository("static") { ($0.status.observedGeneration ?? 0) == 0 }
            #expect(plain.conditions.isEmpty && (plain.metadata.finalizers ?? []).isEmpty)
            #expect(try await h.events("HelmRepository", "static", reason: "Migration").allSatisfy { $0.count == 1 })
        }
    }

    @Test("with --helm-cache-max-size the charts of a repository resolve through the index cache")
    func indexCache() async throws {
        try await Self.serve { _, base, _ in
            try await SourceHarness.with(configure: { $0.helmCacheMaxSize = 10 }) { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("first", source: "podinfo"))
                try await h.create(Objects.helmChart("second", version: "6.x", source: "podinfo"))
                let first = try await h.waitForChart("first") { $0.isReady }
                let second = try await h.waitForChart("second") { $0.isReady }
                #expect(first.status.artifact?.digest == second.status.artifact?.digest)
                #expect(second.status.artifact?.revision == "6.5.3")
            }
        }
    }

    @Test("--artifact-retention-* keep one artifact after a rebuild, and --artifact-digest-algo sets digests and index revisions")
    func retentionAndDigests() async throws {
        try await Self.serve { _, base, podinfo in
            try await SourceHarness.with(configure: { options in
                options.artifactRetentionTTL = .zero
                options.artifactRetentionRecords = 1
                options.artifactDigestAlgorithm = "sha512"
            }) { h in
                try await h.create(Objects.helmRepository("podinfo", url: base + "/charts"))
                try await h.create(Objects.helmChart("prod", source: "podinfo", valuesFiles: ["values-prod.yaml"]))
                let first = try await h.waitForChart("prod") { $0.isReady }
                let repository = try await h.helmRepository("podinfo")
                #expect(repository.status.artifact?.revision == DigestAlgorithm.sha512.digest(podinfo.index).description)
                #expect(first.status.artifact?.digest?.hasPrefix("sha512:") == true)

                _ = try await h.client.patch(HelmChart.apiResource, namespace: h.namespace, name: "prod", type: .merge,
                                             body: ["spec": ["valuesFiles": ["values.yaml", "values-prod.yaml"]]])
                _ = try await h.waitForChart("prod") { $0.status.artifact?.revision == "6.5.3+2" && $0.isReady }
                try await h.requestReconcile(HelmChart.self, "prod", token: "collect")
                _ = try await h.waitForChart("prod") { $0.status.lastHandledReconcileAt == "collect" }
                let files = try FileManager.default.contentsOfDirectory(atPath: h.storage + "/helmchart/flux-test/prod").sorted()
                #expect(files == ["latest.tar.gz", "podinfo-6.5.3+2.tgz", "podinfo-6.5.3+2.tgz.lock"])
                #expect(try await h.events("HelmChart", "prod", reason: "GarbageCollectionSucceeded").map(\.message) == ["garbage collected 1 artifacts"])
            }
        }
    }
}
