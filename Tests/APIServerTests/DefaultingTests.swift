import StructuredData
import Testing
@testable import APIServerCore

@Suite("Defaulting and dry-run parity")
struct DefaultingTests {
    static let deployment: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
        "spec": [
            "selector": ["matchLabels": ["app": "web"]],
            "template": ["metadata": ["labels": ["app": "web"]],
                         "spec": ["containers": [["name": "app", "image": "nginx", "ports": [["containerPort": 80]]]]]],
        ],
    ]

    @Test("built-in defaults", arguments: [
        ("/apis/apps/v1/namespaces/default/deployments", deployment, [
            ("spec.replicas", JSONValue.int(1)), ("spec.strategy.type", "RollingUpdate"),
            ("spec.strategy.rollingUpdate.maxSurge", "25%"), ("spec.strategy.rollingUpdate.maxUnavailable", "25%"),
            ("spec.revisionHistoryLimit", .int(10)), ("spec.progressDeadlineSeconds", .int(600)),
            ("spec.template.spec.restartPolicy", "Always"), ("spec.template.spec.dnsPolicy", "ClusterFirst"),
            ("spec.template.spec.terminationGracePeriodSeconds", .int(30)),
            ("spec.template.spec.schedulerName", "default-scheduler"),
        ]),
        ("/apis/batch/v1/namespaces/default/jobs", [
            "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j"],
            "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "c", "image": "busybox:1.36"]]]]],
        ] as JSONValue, [("spec.backoffLimit", .int(6)), ("spec.completions", .int(1)), ("spec.parallelism", .int(1)),
                          ("spec.template.spec.restartPolicy", "Never")]),
        ("/api/v1/namespaces/default/services", [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["ports": [["port": 80]]],
        ] as JSONValue, [("spec.type", "ClusterIP"), ("spec.sessionAffinity", "None")]),
        ("/api/v1/namespaces/default/secrets", [
            "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"],
        ] as JSONValue, [("type", "Opaque")]),
    ] as [(String, JSONValue, [(String, JSONValue)])])
    func defaults(path: String, body: JSONValue, expected: [(String, JSONValue)]) async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", path, body)
        #expect(created.code == 201)
        for (field, value) in expected {
            #expect(created.body[dotted: field] == value, "\(field)")
        }
    }

    @Test("container defaults: pull policy by tag, termination message, port protocol")
    func containerDefaults() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/apis/apps/v1/namespaces/default/deployments", Self.deployment)
        let container = created.body["spec"]?["template"]?["spec"]?["containers"]?[0]
        #expect(container?["imagePullPolicy"] == "Always")
        #expect(container?["terminationMessagePath"] == "/dev/termination-log")
        #expect(container?["terminationMessagePolicy"] == "File")
        #expect(container?["ports"]?[0]?["protocol"] == "TCP")
    }

    @Test("service ports default targetPort and get a stable cluster IP kept across updates")
    func serviceAddress() async throws {
        let api = try await KubeAPI.inMemory()
        let body: JSONValue = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"], "spec": ["ports": [["port": 80]]]]
        let dry = await api.call("POST", "/api/v1/namespaces/default/services", body, query: ["dryRun": "All"])
        let created = await api.call("POST", "/api/v1/namespaces/default/services", body)
        let ip = try #require(created.body["spec"]?["clusterIP"]?.stringValue)
        #expect(ip.hasPrefix("10."))
        #expect(dry.body["spec"]?["clusterIP"]?.stringValue == ip)
        #expect(created.body["spec"]?["ports"]?[0]?["targetPort"] == 80)
        let put = await api.call("PUT", "/api/v1/namespaces/default/services/s", body)
        #expect(put.body["spec"]?["clusterIP"]?.stringValue == ip)
    }

    @Test("dry-run create returns what a real create stores, minus resourceVersion, uid and time")
    func dryRunCreateParity() async throws {
        let api = try await KubeAPI.inMemory()
        let path = "/apis/apps/v1/namespaces/default/deployments"
        var dry = await api.call("POST", path, Self.deployment, query: ["dryRun": "All", "fieldManager": "helm"]).body
        #expect(dry["metadata"]?["resourceVersion"] == nil)
        #expect(await api.call("GET", path + "/web").code == 404)
        var real = await api.call("POST", path, Self.deployment, query: ["fieldManager": "helm"]).body
        for field in ["uid", "creationTimestamp", "resourceVersion", "managedFields"] {
            dry.set(["metadata", field], nil)
            real.set(["metadata", field], nil)
        }
        real.set(["status"], nil)
        #expect(dry == real)
    }

    @Test("dry-run update and patch return the would-be object, keep the RV, store nothing")
    func dryRunUpdateParity() async throws {
        let api = try await KubeAPI.inMemory()
        let created = await api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("c"))
        let rv = created.body["metadata"]?["resourceVersion"]
        let dry = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c", ["data": ["a": "2"]],
                                 query: ["dryRun": "All"], contentType: "application/merge-patch+json")
        #expect(dry.code == 200)
        #expect(dry.body["data"]?["a"] == "2")
        #expect(dry.body["metadata"]?["resourceVersion"] == rv)
        #expect(await api.call("GET", "/api/v1/namespaces/default/configmaps/c").body["data"]?["a"] == "1")
        let bad = await api.call("PATCH", "/api/v1/namespaces/default/configmaps/c", ["data": ["a": "2"]],
                                 query: ["dryRun": "Some"], contentType: "application/merge-patch+json")
        #expect(bad.code == 422)
        let deleted = await api.call("DELETE", "/api/v1/namespaces/default/configmaps/c", query: ["dryRun": "All"])
        #expect(deleted.code == 200)
        #expect(await api.call("GET", "/api/v1/namespaces/default/configmaps/c").code == 200)
    }
}
