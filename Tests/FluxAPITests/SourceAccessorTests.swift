import FluxAPI
import GoCompat
import KubeModel
import Testing

@Suite("source, kustomize, notification and image API helpers")
struct SourceAccessorTests {
    @Test("legacy revisions are rewritten into the <ref>@<algo>:<hex> format", arguments: [
        ("main/5394cb7f48332b2de7c17dd8b8384bbc84b7e738", "main@sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("feature/branch/5394cb7f48332b2de7c17dd8b8384bbc84b7e738", "feature/branch@sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("HEAD/5394cb7f48332b2de7c17dd8b8384bbc84b7e738", "sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("5394cb7f48332b2de7c17dd8b8384bbc84b7e738", "sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("tag/55609ff9d959589ed917ce32e6bc0f0a36809565f308602c15c3668965979edc",
         "tag@sha256:55609ff9d959589ed917ce32e6bc0f0a36809565f308602c15c3668965979edc"),
        ("main@sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738", "main@sha1:5394cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("6.0.3", "6.0.3"),
        ("main/XYZ4cb7f48332b2de7c17dd8b8384bbc84b7e738", "main/XYZ4cb7f48332b2de7c17dd8b8384bbc84b7e738"),
        ("", ""),
    ])
    func legacyRevision(input: String, expected: String) {
        #expect(Revision.transformLegacy(input) == expected)
    }

    @Test("revisions split into named pointer and hash", arguments: [
        ("main@sha1:abc", "main", "abc"),
        ("refs/heads/main@sha1:abc", "refs/heads/main", "abc"),
        ("sha1:abc", "", "abc"),
        ("main/abc", "main", "abc"),
        ("HEAD/abc", "", "abc"),
        ("abc", "", "abc"),
    ])
    func revisionParts(revision: String, pointer: String, hash: String) {
        #expect(Revision.namedPointer(of: revision) == pointer)
        #expect(Revision.hash(of: revision) == hash)
    }

    @Test("artifacts: revision and digest checks, storage paths")
    func artifact() {
        var a = Artifact(path: "gitrepository/default/podinfo/abc.tar.gz", url: "http://x/a", revision: "main@sha1:abc",
                         lastUpdateTime: "2023-12-01T00:00:00Z")
        a.digest = "sha256:d"
        #expect(a.hasRevision("main@sha1:abc") && !a.hasRevision("main@sha1:abd"))
        #expect(a.hasDigest("sha256:d") && !a.hasDigest("sha256:e"))
        #expect(Artifact.directory(kind: "GitRepository", namespace: "default", name: "podinfo") == "gitrepository/default/podinfo")
        #expect(Artifact.path(kind: "HelmChart", namespace: "flux-system", name: "c", filename: "podinfo-6.5.3.tgz")
                == "helmchart/flux-system/c/podinfo-6.5.3.tgz")
        #expect(Artifact.path(kind: "Bucket", namespace: "ns", name: "b", filename: "../../x") == "bucket/x")
    }

    @Test("source defaults: timeouts, intervals, includes, verification modes, values files, layers")
    func sourceDefaults() {
        let git = GitRepository(metadata: ObjectMeta(name: "g"), spec: GitRepositorySpec(url: "https://x", interval: "1m"))
        #expect(git.timeout == .seconds(60) && git.requeueAfter == .minute)
        var include = GitRepositoryInclude(repository: LocalObjectReference(name: "other"))
        #expect(include.toPathOrDefault == "other")
        include.toPath = "vendor"
        #expect(include.toPathOrDefault == "vendor")
        var verify = GitRepositoryVerification(secretRef: LocalObjectReference(name: "keys"))
        #expect(verify.modeOrDefault == .head && verify.verifiesHEAD && !verify.verifiesTag)
        verify.mode = .headLowercase
        #expect(verify.modeOrDefault == .head)
        verify.mode = .tagAndHead
        #expect(verify.verifiesHEAD && verify.verifiesTag)

        var repo = HelmRepository(metadata: ObjectMeta(name: "r"), spec: HelmRepositorySpec(url: "https://charts"))
        #expect(repo.requeueAfter == .minute && repo.timeout == .minute && repo.repositoryType == .default)
        repo.spec.interval = "10m"
        #expect(repo.requeueAfter == .seconds(600))

        var chart = HelmChart(metadata: ObjectMeta(name: "c"), spec: HelmChartSpec(
            chart: "podinfo", sourceRef: LocalHelmChartSourceReference(kind: .helmRepository, name: "r"), interval: "1m"))
        #expect(chart.valuesFiles.isEmpty && chart.reconcileStrategy == .chartVersion)
        chart.spec.valuesFiles = ["a.yaml", "b.yaml"]
        chart.spec.valuesFile = "legacy.yaml"
        #expect(chart.valuesFiles == ["legacy.yaml", "a.yaml", "b.yaml"])

        var oci = OCIRepository(metadata: ObjectMeta(name: "o"), spec: OCIRepositorySpec(url: "oci://x", interval: "5m"))
        #expect(oci.layerMediaType == "" && oci.layerOperation == .extract)
        oci.spec.layerSelector = OCILayerSelector()
        oci.spec.layerSelector?.operation = .copy
        #expect(oci.layerOperation == .copy)
    }

    @Test("kustomization timeout is interval minus 30s unless set, never under 30s", arguments: [
        ("10m", nil, 570), ("45s", nil, 30), ("1m", "5m", 300), ("1m", "10s", 30),
    ] as [(String, String?, Int64)])
    func kustomizationTimeout(interval: String, timeout: String?, seconds: Int64) {
        var ks = Kustomization(metadata: ObjectMeta(name: "k"), spec: KustomizationSpec(
            interval: interval, prune: true, sourceRef: CrossNamespaceSourceReference(kind: .gitRepository, name: "flux-system")))
        ks.spec.timeout = timeout
        #expect(ks.timeout == .seconds(seconds))
        #expect(ks.retryInterval == ks.requeueAfter)
        #expect("\(ks.spec.sourceRef)" == "GitRepository/flux-system")
        ks.spec.sourceRef.namespace = "infra"
        #expect("\(ks.spec.sourceRef)" == "GitRepository/infra/flux-system")
    }

    @Test("receiver webhook path is /hook/ plus sha256(token+name+namespace); defaults of Receiver, Provider, Alert")
    func notification() {
        let receiver = Receiver(metadata: ObjectMeta(name: "github", namespace: "flux-system"),
                                spec: ReceiverSpec(type: .github, resources: [], secretRef: LocalObjectReference(name: "t")))
        // printf 'tokengithubflux-system' | sha256sum
        #expect(receiver.webhookPath(token: "token") == "/hook/cadd925a28ae26d23b3f54fc3fa800dbdadb9da71a9380cf4fd051163a050cb3")
        #expect(receiver.interval == .seconds(600))
        let provider = Provider(metadata: ObjectMeta(name: "slack"), spec: ProviderSpec(type: .slack))
        #expect(provider.timeout == .seconds(15))
        let alert = Alert(metadata: ObjectMeta(name: "a"), spec: AlertSpec(providerRef: LocalObjectReference(name: "slack"), eventSources: []))
        #expect(alert.eventSeverity == .info)
    }

    @Test("image repository timeout, exclusion list and provider defaults")
    func image() {
        var repo = ImageRepository(metadata: ObjectMeta(name: "i"), spec: ImageRepositorySpec())
        #expect(repo.timeout == .second)
        repo.spec.interval = "5m"
        #expect(repo.timeout == .seconds(300))
        repo.spec.timeout = "30s"
        #expect(repo.timeout == .seconds(30))
        #expect(repo.exclusionList == [#"^.*\.sig$"#])
        repo.spec.exclusionList = []
        #expect(repo.exclusionList == [#"^.*\.sig$"#])
        repo.spec.exclusionList = ["^dev-"]
        #expect(repo.exclusionList == ["^dev-"])
        #expect(repo.provider == .generic)
    }
}
