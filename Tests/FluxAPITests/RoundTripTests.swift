import Foundation
import FluxAPI
import KubeModel
import SharedTestData
import StructuredData
import Testing

/// Every Flux object in the `flux` CLI's own test data decodes into its Swift type and encodes back
/// to an equal JSON value (unknown members kept, nothing added, nothing lost).
@Suite("Codable round trip of the flux CLI's test objects", .enabled(if: SharedConformance.isAvailable))
struct RoundTripTests {
    /// The files holding Flux objects (YAML inputs and YAML goldens).
    static let files = [
        "create_source_git/export.golden",
        "create_source_git/source-git-branch-commit.yaml",
        "create_source_git/source-git-branch.yaml",
        "create_source_git/source-git-commit.yaml",
        "create_source_git/source-git-refname.yaml",
        "create_source_git/source-git-semver.yaml",
        "create_source_git/source-git-tag.yaml",
        "create_source_helm/https.golden",
        "create_source_helm/oci-with-secret.golden",
        "create_source_helm/oci.golden",
        "export/alert.yaml", "export/bucket.yaml", "export/git-repo.yaml", "export/helm-release.yaml",
        "export/helm-repo.yaml", "export/image-policy.yaml", "export/image-repo.yaml", "export/image-update.yaml",
        "export/ks.yaml", "export/objects.yaml", "export/provider.yaml", "export/receiver.yaml",
        "get/objects.yaml",
        "oci/export.golden", "oci/export_with_secret.golden", "oci/export_with_verify_secret.golden",
        "trace/helmrelease-oci.yaml", "trace/helmrelease.yaml",
        "tree/kustomizations.yaml",
    ]

    /// The documents of `file` with the upstream test's template fields filled in.
    static func documents(_ file: String) throws -> [JSONValue] {
        var text = try String(contentsOfFile: SharedConformance.path("flux-v2.2.0/cli-testdata/\(file)"), encoding: .utf8)
        let fields = ["ns": "default", "fluxns": "flux-system", "serverVersion": "v1.28.0"]
        for (key, value) in fields { text = text.replacingOccurrences(of: "{{ .\(key) }}", with: value) }
        text = text.replacingOccurrences(of: #"\{\{ \.[a-zA-Z]+LastReconcile \}\}"#, with: "2021-07-16T15:42:20Z",
                                         options: .regularExpression)
        return try YAML.parseDocuments(text).filter { !$0.isNull }
    }

    static func isFlux(_ object: JSONValue) -> Bool {
        object["apiVersion"]?.stringValue?.contains(".toolkit.fluxcd.io/") ?? false
    }

    static func roundTrip<T: KubeResource>(_ type: T.Type, _ json: JSONValue) throws -> JSONValue {
        try JSONValueEncoder().encode(try T(json: json))
    }

    @Test("each Flux object decodes and re-encodes to an equal value", arguments: files)
    func roundTrips(file: String) throws {
        let objects = try Self.documents(file).filter(Self.isFlux)
        #expect(!objects.isEmpty, "\(file) holds no Flux object")
        for object in objects {
            let apiVersion = object["apiVersion"]?.stringValue ?? ""
            let kind = object["kind"]?.stringValue ?? ""
            let type = try #require(FluxResourceTypes.type(apiVersion: apiVersion, kind: kind), "\(apiVersion) \(kind)")
            let encoded = try Self.roundTrip(type, object)
            #expect(encoded == object, "\(file) \(kind)/\(object["metadata"]?["name"]?.stringValue ?? ""):\n\(JSONDiff.differences(object, encoded).joined(separator: "\n"))")
        }
    }

    @Test("unknown members are kept at every level and written after the modelled ones")
    func unknownMembersKept() throws {
        let json = try YAML.parse("""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata: {name: a, namespace: b, managedFields: [{manager: x}]}
            spec:
              interval: 5m
              prune: false
              validation: client
              sourceRef: {kind: GitRepository, name: flux-system, extra: 1}
            extraRoot: true
            """)
        let ks = try Kustomization(json: json)
        #expect(ks.spec.unknownFields.members["validation"] == "client")
        #expect(ks.spec.sourceRef.unknownFields.members["extra"] == 1)
        #expect(ks.unknownFields.members["extraRoot"] == true)
        let encoded = try JSONValueEncoder().encode(ks)
        #expect(encoded == json)
        #expect(encoded["spec"]?.objectValue?.keys.last == "validation")
    }

    @Test("an absent status stays absent, an empty one stays empty, an assigned one is written")
    func statusPresence() throws {
        let bare: JSONValue = ["apiVersion": "source.toolkit.fluxcd.io/v1beta2", "kind": "HelmRepository",
                               "metadata": ["name": "r"], "spec": ["url": "https://x"]]
        var repository = try HelmRepository(json: bare)
        #expect(!repository.$status.isPresent)
        #expect(try JSONValueEncoder().encode(repository)["status"] == nil)

        var withEmpty = bare
        if case .object(var o) = withEmpty { o["status"] = [:]; withEmpty = .object(o) }
        #expect(try JSONValueEncoder().encode(try HelmRepository(json: withEmpty))["status"] == [:])

        repository.status.url = "http://source-controller/helmrepository/r/index.yaml"
        #expect(try JSONValueEncoder().encode(repository)["status"] == ["url": "http://source-controller/helmrepository/r/index.yaml"])
    }
}
