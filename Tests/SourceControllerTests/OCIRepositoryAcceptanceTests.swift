import ArtifactStorage
import AsyncHTTPClient
import Crypto
import FluxAPI
import Foundation
import HelmEngine
import KubeModel
import OCIRegistry
import RegistryTesting
import SharedTestData
import Testing

@Suite("HelmRepository of type oci and its HelmChart against the real registry", .serialized,
       .enabled(if: TestTools.haveRegistry && TestTools.helm() != nil && SharedConformance.isAvailable))
struct OCIRepositoryAcceptanceTests {
    /// Runs `body` with a registry holding podinfo 6.5.3 pushed by `helm push` (`oci://<host>/charts`).
    static func withPushedPodinfo(_ body: (TestRegistry, [UInt8]) async throws -> Void) async throws {
        let podinfo = try await Podinfo.shared.package()
        let registry = try await TestRegistry.start()
        defer { registry.stop() }
        try await helmPush(podinfo.tgz, to: registry)
        try await body(registry, podinfo.tgz)
    }

    static func withRegistryClient<T>(_ body: (RegistryClient) async throws -> T) async throws -> T {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let result = try await body(try RegistryClient(httpClient: http, options: .init(plainHTTP: true)))
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    static let pulled = "pulled 'podinfo' chart with version '6.5.3'"

    @Test("an OCI repository yields a Ready chart; helm pull and helm template of the artifact URL work; nothing new writes nothing")
    func readyChart() async throws {
        try await Self.withPushedPodinfo { registry, tgz in
            try await SourceHarness.with { h in
                try await h.create(Objects.helmRepository("podinfo", url: "oci://\(registry.host)/charts", type: .oci, insecure: true))
                try await h.create(Objects.helmChart("podinfo", source: "podinfo"))
                let chart = try await h.waitForChart("podinfo") { $0.isReady }
                let artifact = try #require(chart.status.artifact)
                #expect(chart.summary == [C("Ready", "True", "ChartPullSucceeded", Self.pulled),
                                          C("ArtifactInStorage", "True", "ChartPullSucceeded", Self.pulled)])
                #expect(chart.status.observedChartName == "podinfo")
                #expect(chart.status.observedSourceArtifactRevision == nil)
                #expect(artifact.revision == "6.5.3")
                #expect(artifact.digest == DigestAlgorithm.sha256.digest(tgz).description)
                let served = try await HTTPRepositoryAcceptanceTests.download(artifact.url)
                #expect(served.body == tgz)
                #expect(try ChartLoader().loadArchive(served.body).metadata.name == "podinfo")

                // The OCI HelmRepository stays static: no finalizer, no status, one Migration event.
                let repository = try await h.waitForRepository("podinfo") { ($0.metadata.finalizers ?? []).isEmpty }
                #expect(repository.status.artifact == nil && repository.conditions.isEmpty)

                // The real Helm pulls and renders the artifact from its URL.
                let helm = try #require(TestTools.helm())
                let home = NSTemporaryDirectory() + "swiftflux-helm-\(UUID().uuidString)"
                try FileManager.default.createDirectory(atPath: home + "/pull", withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: home) }
                var (status, output) = try await runTool(helm, ["pull", artifact.url, "-d", home + "/pull"], environment: HelmHome.environment(home))
                #expect(status == 0, "\(output)")
                #expect(FileManager.default.contents(atPath: home + "/pull/podinfo-6.5.3.tgz").map { Array($0) } == tgz)
                (status, output) = try await runTool(helm, ["template", "demo", chart.status.url ?? ""], environment: HelmHome.environment(home))
                #expect(status == 0, "\(output)")
                #expect(output.contains("kind: Deployment") && output.contains("name: demo-podinfo"), "\(output)")

                try await h.requestReconcile(HelmChart.self, "podinfo", token: "again")
                let again = try await h.waitForChart("podinfo") { $0.status.lastHandledReconcileAt == "again" }
                #expect(again.status.artifact == artifact)
                #expect(try await h.events("HelmChart", "podinfo", reason: "ChartPullSucceeded").map(\.count) == [1])
            }
        }
    }

    @Test("a chart signed with the verification key is SourceVerified; one signed with another key fails verification")
    func verifyWithKey() async throws {
        try await Self.withPushedPodinfo { registry, _ in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:6.5.3")
            let publicKey = try await Self.withRegistryClient { try await TestSigstore.signWithKey(ref, client: $0) }
            let otherKey = P256PublicKeyPEM.random()
            try await SourceHarness.with { h in
                try await h.create(Objects.secret("cosign-pub", ["cosign.pub": publicKey]))
                try await h.create(Objects.secret("other-pub", ["cosign.pub": otherKey]))
                try await h.create(Objects.helmRepository("podinfo", url: "oci://\(registry.host)/charts", type: .oci, insecure: true))
                var good = OCIRepositoryVerification(provider: .cosign)
                good.secretRef = LocalObjectReference(name: "cosign-pub")
                var bad = good
                bad.secretRef = LocalObjectReference(name: "other-pub")
                try await h.create(Objects.helmChart("signed", source: "podinfo", verify: good))
                try await h.create(Objects.helmChart("wrong-key", source: "podinfo", verify: bad))

                let signed = try await h.waitForChart("signed") { $0.isReady }
                #expect(signed.summary == [C("Ready", "True", "ChartPullSucceeded", Self.pulled),
                                           C("ArtifactInStorage", "True", "ChartPullSucceeded", Self.pulled),
                                           C("SourceVerified", "True", "Succeeded", "verified signature of version 6.5.3")])

                let message = "chart verification error: failed to verify oci://\(registry.host)/charts/podinfo:6.5.3: no matching signatures: invalid signature when validating ASN.1 encoded signature"
                let expected = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                                C("Ready", "False", "VerificationError", message),
                                C("BuildFailed", "True", "ChartVerificationError", message),
                                C("SourceVerified", "False", "VerificationError", message)]
                let failed = try await h.waitForChart("wrong-key") { $0.summary == expected }
                #expect(failed.status.artifact == nil)
                let events = try await h.events("HelmChart", "wrong-key", reason: "ChartVerificationError")
                #expect(events.first.map { [$0.type, $0.message] } == ["Warning", message])
                #expect(!FileManager.default.fileExists(atPath: h.storage + "/helmchart/flux-test/wrong-key/podinfo-6.5.3.tgz"))
            }
        }
    }

    @Test("keyless verification accepts a matching OIDC identity and refuses a non-matching subject")
    func verifyKeyless() async throws {
        let sigstore = try TestSigstore()
        try await Self.withPushedPodinfo { registry, _ in
            let ref = try ImageReference(parsing: "\(registry.host)/charts/podinfo:6.5.3")
            try await Self.withRegistryClient { try await sigstore.signKeyless(ref, client: $0) }
            try await SourceHarness.with(configure: { options in
                options.cosignFulcioPEM = sigstore.fulcioPEM
                options.cosignRekorPublicKeysPEM = sigstore.rekorPEM
            }) { h in
                try await h.create(Objects.helmRepository("podinfo", url: "oci://\(registry.host)/charts", type: .oci, insecure: true))
                var matching = OCIRepositoryVerification(provider: .cosign)
                matching.matchOIDCIdentity = [OIDCIdentityMatch(issuer: "^https://token.actions.githubusercontent.com$",
                                                                subject: "^https://github.com/stefanprodan/podinfo.*$")]
                var other = matching
                other.matchOIDCIdentity = [OIDCIdentityMatch(issuer: "^https://token.actions.githubusercontent.com$",
                                                             subject: "^https://github.com/fluxcd/.*$")]
                try await h.create(Objects.helmChart("keyless", source: "podinfo", verify: matching))
                try await h.create(Objects.helmChart("other-subject", source: "podinfo", verify: other))

                let verified = try await h.waitForChart("keyless") { $0.isReady }
                #expect(verified.condition("SourceVerified").map(C.init) == C("SourceVerified", "True", "Succeeded", "verified signature of version 6.5.3"))

                let message = "chart verification error: failed to verify oci://\(registry.host)/charts/podinfo:6.5.3: no matching signatures: none of the expected identities matched what was in the certificate, got subjects [\(TestSigstore.subject)] with issuer \(TestSigstore.issuer)"
                let refused = try await h.waitForChart("other-subject") { $0.isFalse("SourceVerified") && $0.isFalse("Ready") }
                #expect(refused.condition("SourceVerified").map(C.init) == C("SourceVerified", "False", "VerificationError", message))
                #expect(refused.condition("Ready").map(C.init) == C("Ready", "False", "VerificationError", message))
            }
        }
    }

    @Test("wrong registry credentials fail the login (AuthenticationFailed event, FetchFailed as upstream words it); right ones pull")
    func credentials() async throws {
        let podinfo = try await Podinfo.shared.package()
        let registry = try await TestRegistry.start(auth: .htpasswd(user: "flux", password: "s3cret"))
        defer { registry.stop() }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let client = try RegistryClient(httpClient: http, options: .init(credentials: .init(username: "flux", password: "s3cret"), plainHTTP: true))
            let config = Array(#"{"name":"podinfo","version":"6.5.3","apiVersion":"v2"}"#.utf8)
            try await client.pushHelmChart(podinfo.tgz, configJSON: config, to: "oci://\(registry.host)/charts/podinfo:6.5.3")
            try await http.shutdown()
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await SourceHarness.with { h in
            try await h.create(Objects.secret("wrong", ["username": "flux", "password": "nope"]))
            try await h.create(Objects.secret("right", ["username": "flux", "password": "s3cret"]))
            try await h.create(Objects.helmRepository("wrong", url: "oci://\(registry.host)/charts", type: .oci, secret: "wrong", insecure: true))
            try await h.create(Objects.helmRepository("right", url: "oci://\(registry.host)/charts", type: .oci, secret: "right", insecure: true))
            try await h.create(Objects.helmChart("wrong", source: "wrong"))
            try await h.create(Objects.helmChart("right", source: "right"))

            let login = "failed to login to OCI registry: login attempt to http://\(registry.host)/v2/ failed with status: 401 Unauthorized"
            let expected = [C("Reconciling", "True", "ProgressingWithRetry", "building artifact"),
                            C("Ready", "False", "Unknown", "unknown build error: \(login)"),
                            C("FetchFailed", "True", "Unknown", "unknown build error: \(login)")]
            let failed = try await h.waitForChart("wrong") { $0.summary == expected }
            #expect(failed.status.artifact == nil)
            let events = try await h.events("HelmChart", "wrong", reason: "AuthenticationFailed")
            #expect(events.first.map { [$0.type, $0.message] } == ["Warning", login])
            _ = try await h.waitForChart("right") { $0.isReady }
        }
    }
}

enum P256PublicKeyPEM {
    static func random() -> String { P256.Signing.PrivateKey().publicKey.pemRepresentation }
}

