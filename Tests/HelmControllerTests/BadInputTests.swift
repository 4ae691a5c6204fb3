import FluxAPI
import KubeModel
import StructuredData
import Testing

@Suite("helm-controller: bad input", .serialized)
struct BadInputTests {
    @Test("a missing valuesFrom ConfigMap, a missing dependency and an unrenderable chart are reported, nothing installed")
    func badInputs() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("missing-values") { spec in
                spec.valuesFrom = [ValuesReference(kind: .configMap, name: "nope")]
            })
            let values = try await h.waitFor("missing-values") { $0.summary("Ready") == "False ValuesError" }
            #expect(values.condition("Ready")?.message == "could not resolve ConfigMap chart values reference 'default/nope' with key 'values.yaml': configmaps \"nope\" not found")

            _ = try await h.client.create(Harness.release("waiting") { spec in
                spec.dependsOn = [NamespacedObjectReference(name: "absent")]
            })
            let waiting = try await h.waitFor("waiting") { $0.summary("Ready") == "False DependencyNotReady" }
            #expect(waiting.condition("Ready")?.message.hasPrefix("unable to get 'default/absent' dependency: ") == true)

            _ = try await h.client.create(Harness.release("optional") { spec in
                var ref = ValuesReference(kind: .secret, name: "nope")
                ref.optional = true
                spec.valuesFrom = [ref]
            })
            try await h.waitFor("optional") { $0.isReady }

            _ = try await h.client.create(Harness.release("broken") { spec in
                spec.values = ["strict": true]
            })
            let broken = try await h.waitFor("broken") { $0.summary("Released") == "False InstallFailed" }
            #expect(broken.status.installFailures == nil, "a render failure writes nothing and is not counted")
            #expect(broken.condition("Released")?.message == "Helm install failed for release default/broken with chart demo@0.1.0: execution error at (demo/templates/configmap.yaml:10:14): mustSet is required")
            #expect((broken.status.failures ?? 0) >= 1)
        }
    }
}
