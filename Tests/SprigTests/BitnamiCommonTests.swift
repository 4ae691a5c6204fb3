import Foundation
import GoTemplate
import StructuredData
import SharedTestData
import Testing
@testable import Sprig

/// Renders a small consumer chart (Fixtures/bitnami-consumer) against bitnami's common
/// library helpers, loaded into one template set the way Helm's engine does.
@Suite("bitnami common 2.13.3 helpers", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct BitnamiCommonTests {
    static let commonDir = URL(fileURLWithPath: SharedConformance.path("charts/bitnami-common-2.13.3/templates"))
    static let fixtureDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bitnami-consumer")

    static func templateFiles(under dir: URL) -> [URL] {
        let items = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return items.filter { $0.pathExtension == "tpl" || $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    }

    static func renderConsumer(isUpgrade: Bool = false) throws -> String {
        var set = Template(name: "gotpl", functions: HelmFunctions().functionMap(), options: .init(missingKey: .zero))
        for file in templateFiles(under: commonDir) {
            let name = "consumer/charts/common/templates/" + file.path.replacingOccurrences(of: commonDir.path + "/", with: "")
            try set.parse(try String(contentsOf: file, encoding: .utf8), as: name)
        }
        let main = "consumer/templates/deployment.yaml"
        try set.parse(try String(contentsOf: fixtureDir.appendingPathComponent("templates/deployment.yaml"), encoding: .utf8), as: main)
        let valuesJSON = try YAML.parse(try String(contentsOf: fixtureDir.appendingPathComponent("values.yaml"), encoding: .utf8))
        let values = JSONBridge.goValue(from: valuesJSON)
        let top: GoValue = .map([
            "Values": values,
            "Release": .map(["Name": .string("demo"), "Namespace": .string("apps"), "Service": .string("Helm"),
                             "IsUpgrade": .bool(isUpgrade), "IsInstall": .bool(!isUpgrade), "Revision": .of(1)]),
            "Chart": .map(["Name": .string("consumer"), "Version": .string("1.2.3"), "AppVersion": .string("1.25.3")]),
            "Capabilities": .map([
                "KubeVersion": .map(["Version": .string("v1.28.4"), "Major": .string("1"), "Minor": .string("28")]),
                "HelmVersion": .map(["Version": .string("v3.13.2")]),
            ]),
            "Template": .map(["Name": .string(main), "BasePath": .string("consumer/templates")]),
        ])
        let out = try set.execute(main, data: top)
        return TextUtil.replaceAll(out, "<no value>", "")
    }

    @Test("the consumer chart renders through the common helpers",
          .enabled(if: FileManager.default.fileExists(atPath: commonDir.path)))
    func renders() throws {
        let out = try Self.renderConsumer()
        let expectations = [
            "apiVersion: apps/v1\nkind: Deployment",
            "  name: demo-consumer\n",
            "namespace: \"apps\"",
            "app.kubernetes.io/managed-by: Helm",
            "helm.sh/chart: consumer-1.2.3",
            "team: platform",
            "owner: 'demo'",
            "image: docker.io/bitnami/nginx:1.25.3-debian-11-r1",
            "- name: regcred",
            "podAffinityTerm:",
            "kubernetes.io/arch",
            "value: hello demo",
            "storageClassName: fast",
            "apiVersion: networking.k8s.io/v1\nkind: Ingress",
            "name: demo-consumer\n                port:\n                  name: http",
            "name: demo-consumer-auth",
            "kubeVersion: v1.28.4",
            "version: 1.25.3",
        ]
        for expected in expectations {
            #expect(out.contains(expected), "missing \(expected.debugDescription) in:\n\(out)")
        }
        #expect(!out.contains("is not a defined function"))
    }

    @Test("a generated password is ten base64-encoded characters",
          .enabled(if: FileManager.default.fileExists(atPath: commonDir.path)))
    func password() throws {
        let out = try Self.renderConsumer()
        let line = out.split(separator: "\n").first { $0.contains("password: ") } ?? ""
        let encoded = line.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
        #expect(encoded.count == 16)
    }
}
