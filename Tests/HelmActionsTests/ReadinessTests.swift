import KubeModel
import StructuredData
import Testing
@testable import HelmActions

@Suite("Readiness rules")
struct ReadinessTests {
    static func object(_ json: String) throws -> KubeObject { KubeObject(try JSONParser.parse(json)) }

    @Test("objects are ready by Helm 3.13's rules", arguments: [
        (#"{"kind":"Pod","status":{"conditions":[{"type":"Ready","status":"True"}]}}"#, true),
        (#"{"kind":"Pod","status":{"conditions":[{"type":"Ready","status":"False"}]}}"#, false),
        (#"{"kind":"PersistentVolumeClaim","status":{"phase":"Bound"}}"#, true),
        (#"{"kind":"PersistentVolumeClaim","status":{"phase":"Pending"}}"#, false),
        (#"{"kind":"Service","spec":{"type":"ExternalName"}}"#, true),
        (#"{"kind":"Service","spec":{"clusterIP":""}}"#, false),
        (#"{"kind":"Service","spec":{"clusterIP":"10.0.0.1"}}"#, true),
        (#"{"kind":"Service","spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"}}"#, false),
        (#"{"kind":"Service","spec":{"type":"LoadBalancer","clusterIP":"10.0.0.1"},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}"#, true),
        (#"{"kind":"Job","spec":{"completions":2},"status":{"succeeded":1}}"#, false),
        (#"{"kind":"Job","spec":{"completions":2},"status":{"succeeded":2}}"#, true),
        (#"{"kind":"Deployment","spec":{"paused":true}}"#, true),
        (#"{"kind":"Deployment","metadata":{"uid":"d1"},"spec":{"replicas":2}}"#, false),
        (#"{"kind":"CustomResourceDefinition","status":{"conditions":[{"type":"Established","status":"True"}]}}"#, true),
        (#"{"kind":"CustomResourceDefinition","status":{"conditions":[{"type":"NamesAccepted","status":"False"}]}}"#, true),
        (#"{"kind":"CustomResourceDefinition","status":{"conditions":[]}}"#, false),
        (#"{"kind":"StatefulSet","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":2,"updatedReplicas":2,"readyReplicas":2,"currentRevision":"a","updateRevision":"a"}}"#, true),
        (#"{"kind":"StatefulSet","metadata":{"generation":2},"spec":{"replicas":2},"status":{"observedGeneration":2,"updatedReplicas":2,"readyReplicas":2,"currentRevision":"a","updateRevision":"b"}}"#, false),
        (#"{"kind":"StatefulSet","spec":{"updateStrategy":{"type":"OnDelete"}}}"#, true),
        (#"{"kind":"DaemonSet","status":{"desiredNumberScheduled":4,"updatedNumberScheduled":4,"numberReady":3}}"#, true),
        (#"{"kind":"DaemonSet","status":{"desiredNumberScheduled":4,"updatedNumberScheduled":4,"numberReady":2}}"#, false),
        (#"{"kind":"ConfigMap"}"#, true),
    ])
    func ready(json: String, expected: Bool) throws {
        #expect((Readiness.check(try Self.object(json), waitForJobs: true) == .ready) == expected)
    }

    @Test("a Job beyond its backoff limit fails; without wait-for-jobs Jobs are ready")
    func failedJob() throws {
        let job = try Self.object(#"{"kind":"Job","metadata":{"name":"j","namespace":"ns"},"spec":{"backoffLimit":1,"completions":1},"status":{"failed":2}}"#)
        #expect(Readiness.check(job, waitForJobs: true) == .failed("job is failed: ns/j"))
        #expect(Readiness.check(job, waitForJobs: false) == .ready)
    }

    @Test("a Deployment is ready when its new ReplicaSet has replicas minus maxUnavailable ready", arguments: [
        (#"{"type":"RollingUpdate"}"#, 4, Int64(3), true),   // 25% of 4 = 1 unavailable allowed
        (#"{"type":"RollingUpdate"}"#, 4, Int64(2), false),
        (#"{"type":"Recreate"}"#, 2, Int64(1), false),
        (#"{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"50%"}}"#, 3, Int64(2), true),  // 1.5 rounds down to 1
    ])
    func deployment(strategy: String, replicas: Int, ready: Int64, expected: Bool) throws {
        let deployment = try Self.object(#"{"kind":"Deployment","metadata":{"uid":"d1","annotations":{"deployment.kubernetes.io/revision":"2"}},"spec":{"replicas":\#(replicas),"strategy":\#(strategy)}}"#)
        let old = try Self.object(#"{"kind":"ReplicaSet","metadata":{"annotations":{"deployment.kubernetes.io/revision":"1"},"ownerReferences":[{"uid":"d1","controller":true,"kind":"Deployment","name":"d","apiVersion":"apps/v1"}]},"status":{"readyReplicas":9}}"#)
        let new = try Self.object(#"{"kind":"ReplicaSet","metadata":{"annotations":{"deployment.kubernetes.io/revision":"2"},"ownerReferences":[{"uid":"d1","controller":true,"kind":"Deployment","name":"d","apiVersion":"apps/v1"}]},"status":{"readyReplicas":\#(ready)}}"#)
        #expect((Readiness.check(deployment, waitForJobs: true, replicaSets: [old, new]) == .ready) == expected)
    }
}

@Suite("Release names")
struct ReleaseNameTests {
    @Test("Helm's name rule", arguments: [("demo", true), ("a.b-c", true), ("", false), ("Demo", false), ("-a", false), ("a..b", false),
                                         (String(repeating: "a", count: 53), true), (String(repeating: "a", count: 54), false)])
    func validate(name: String, valid: Bool) {
        #expect(((try? ReleaseName.validate(name)) != nil) == valid)
    }

    @Test("long names are shortened to 40 bytes, a dash and 12 hex digits of their SHA-256")
    func shorten() {
        let long = "some-front-appended-namespace-release-with-a-very-long-name-indeed"
        #expect(ReleaseName.shorten(long) == "some-front-appended-namespace-release-wi-e863bccdb9dc")
        #expect(ReleaseName.shorten("short") == "short")
    }
}

@Suite("Wait selectors")
struct WaitSelectorTests {
    @Test("a workload's ReplicaSets and Pods are listed by its selector, as Helm lists them", arguments: [
        (#"{"kind":"Deployment","spec":{"selector":{"matchLabels":{"app":"web","tier":"fe"}}}}"#, "app=web,tier=fe"),
        (#"{"kind":"ReplicaSet","spec":{"selector":{"matchExpressions":[{"key":"app","operator":"In","values":["a","b"]}]}}}"#, "app in (a,b)"),
        (#"{"kind":"ReplicationController","spec":{"selector":{"app":"old"}}}"#, "app=old"),
        (#"{"kind":"Deployment","spec":{"selector":{}}}"#, ""),
        (#"{"kind":"Deployment","spec":{}}"#, nil),
        (#"{"kind":"Deployment","spec":{"selector":{"matchExpressions":[{"key":"app","operator":"Near"}]}}}"#, nil),
    ] as [(String, String?)])
    func dependentsSelector(json: String, selector: String?) throws {
        #expect(KubeOps.dependentsSelector(try ReadinessTests.object(json)) == selector)
    }
}
