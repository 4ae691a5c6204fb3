import StructuredData
import Testing
@testable import APIServerCore

/// The decode step of built-in kinds, driven by their schemas: Go's message names the innermost
/// struct, the field's full JSON path and the Go type (the element's type inside lists and maps).
@Suite("Built-in type check")
struct BuiltinTypeCheckTests {
    static let deployments = "/apis/apps/v1/namespaces/default/deployments"

    static func deployment(spec: String) throws -> JSONValue {
        try JSONParser.parse(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":"# + spec + "}")
    }

    static let template = #""selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":"#

    @Test("a field of the wrong JSON type anywhere in a Deployment is refused with Go's message", arguments: [
        (#"{"replicas":"3"}"#, #"string into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        (#"{"replicas":1.5}"#, #"number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        (#"{"replicas":3000000000}"#, #"number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"#),
        (#"{"paused":"yes"}"#, #"string into Go struct field DeploymentSpec.spec.paused of type bool"#),
        (#"{"template":[]}"#, #"array into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec"#),
        ("{" + template + #"{"name":"c"}}}}"#, #"object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container"#),
        ("{" + template + #"[{"name":"c","image":7}]}}}"#, #"number into Go struct field Container.spec.template.spec.containers.image of type string"#),
        ("{" + template + #"[{"name":"c","ports":["80"]}]}}}"#, #"string into Go struct field Container.spec.template.spec.containers.ports of type v1.ContainerPort"#),
        ("{" + template + #"[{"name":"c","ports":[{"containerPort":"80"}]}]}}}"#,
         #"string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32"#),
        ("{" + template + #"[{"name":"c","imagePullPolicy":1}]}}}"#, #"number into Go struct field Container.spec.template.spec.containers.imagePullPolicy of type v1.PullPolicy"#),
        ("{" + template + #"[{"name":"c","env":{"A":"b"}}]}}}"#, #"object into Go struct field Container.spec.template.spec.containers.env of type []v1.EnvVar"#),
        (#"{"template":{"metadata":{"annotations":{"a":true}}}}"#, #"bool into Go struct field ObjectMeta.spec.template.metadata.annotations of type string"#),
        (#"{"template":{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"k","operator":"In","values":"a"}]}]}}}}}}"#,
         #"string into Go struct field NodeSelectorRequirement.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions.values of type []string"#),
        (#"{"template":{"spec":{"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":"1"}]}}}}}"#,
         #"string into Go struct field WeightedPodAffinityTerm.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution.weight of type int32"#),
        (#"{"template":{"spec":{"volumes":[{"name":"t","projected":{"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":"3600"}}]}}]}}}"#,
         #"string into Go struct field ServiceAccountTokenProjection.spec.template.spec.volumes.projected.sources.serviceAccountToken.expirationSeconds of type int64"#),
    ])
    func deployments(spec: String, error: String) async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.call("POST", Self.deployments, try Self.deployment(spec: spec))
        #expect(result.code == 400)
        #expect(result.body["reason"] == "BadRequest")
        #expect(result.body["message"]?.stringValue == #"Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal "# + error)
    }

    @Test("the first mismatch in document order is the one reported; nulls and well-typed objects pass")
    func order() async throws {
        let api = try await KubeAPI.inMemory()
        let twoErrors = try Self.deployment(spec: #"{"paused":"no","replicas":"3"}"#)
        #expect(await api.call("POST", Self.deployments, twoErrors).body["message"]?.stringValue?.hasSuffix("DeploymentSpec.spec.paused of type bool") == true)
        let fine = try Self.deployment(spec: "{" + Self.template + #"[{"name":"c","image":"nginx","ports":[{"containerPort":80}],"resources":null}],"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":1,"podAffinityTerm":{"topologyKey":"kubernetes.io/hostname","labelSelector":{"matchLabels":{"app":"web"}}}}]}}}},"replicas":null}"#)
        #expect(await api.call("POST", Self.deployments, fine).code == 201)
        let policy = try JSONParser.parse(#"{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"n"},"spec":{"podSelector":{},"ingress":[{"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16"]}}],"ports":[{"port":"http"},{"port":80,"protocol":"TCP"}]}]}}"#)
        #expect(await api.call("POST", "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies", policy).code == 201)
    }

    @Test("Services, Secrets and other kinds are checked through their schemas too", arguments: [
        ("/api/v1/namespaces/default/services", #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"ports":[{"port":"80"}]}}"#,
         #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32"#),
        ("/api/v1/namespaces/default/services", #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},"spec":{"type":5}}"#,
         #"Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType"#),
        ("/api/v1/namespaces/default/secrets", #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":"%%%"}}"#,
         #"Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0"#),
        ("/api/v1/namespaces/default/secrets", #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"k":1}}"#,
         #"Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8"#),
        ("/api/v1/namespaces/default/serviceaccounts", #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"s"},"automountServiceAccountToken":"true"}"#,
         #"ServiceAccount in version "v1" cannot be handled as a ServiceAccount: json: cannot unmarshal string into Go struct field ServiceAccount.automountServiceAccountToken of type bool"#),
        ("/apis/networking.k8s.io/v1/namespaces/default/networkpolicies",
         #"{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"n"},"spec":{"podSelector":{},"ingress":[{"ports":[{"port":"http","endPort":"x"}]}]}}"#,
         #"NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32"#),
        ("/apis/batch/v1/namespaces/default/jobs", #"{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"backoffLimit":[]}}"#,
         #"Job in version "v1" cannot be handled as a Job: json: cannot unmarshal array into Go struct field JobSpec.spec.backoffLimit of type int32"#),
    ])
    func otherKinds(path: String, body: String, message: String) async throws {
        let api = try await KubeAPI.inMemory()
        let result = await api.call("POST", path, try JSONParser.parse(body))
        #expect(result.code == 400)
        #expect(result.body["message"]?.stringValue == message)
    }
}
