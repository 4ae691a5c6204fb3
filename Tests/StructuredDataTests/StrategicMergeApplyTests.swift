import Testing
@testable import StructuredData

@Suite struct StrategicMergeApplyTests {
    /// (description, schema type, original, patch, expected)
    static let cases: [(String, String, String, String, String)] = [
        ("containers merge by name and new ones are appended", "PodSpec",
         #"{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}"#,
         #"{"containers":[{"name":"b","image":"b:2"},{"name":"c","image":"c:1"}]}"#,
         #"{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"},{"name":"c","image":"c:1"}]}"#),
        ("a $patch delete element removes the keyed element", "PodSpec",
         #"{"containers":[{"name":"a"},{"name":"b"}]}"#,
         #"{"containers":[{"$patch":"delete","name":"a"}]}"#,
         #"{"containers":[{"name":"b"}]}"#),
        ("a $patch replace element replaces the whole list", "PodSpec",
         #"{"containers":[{"name":"a","image":"x"},{"name":"b"}]}"#,
         #"{"containers":[{"name":"c"},{"$patch":"replace"}]}"#,
         #"{"containers":[{"name":"c"}]}"#),
        ("$patch replace in a map replaces the map", "PodSpec",
         #"{"nodeSelector":{"a":"1","b":"2"}}"#,
         #"{"nodeSelector":{"$patch":"replace","c":"3"}}"#,
         #"{"nodeSelector":{"c":"3"}}"#),
        ("$patch delete in a map empties it", "PodSpec",
         #"{"nodeSelector":{"a":"1"},"x":1}"#,
         #"{"nodeSelector":{"$patch":"delete"}}"#,
         #"{"nodeSelector":{},"x":1}"#),
        ("null deletes a key and unmatched nulls are ignored", "Pod",
         #"{"metadata":{"labels":{"a":"1","b":"2"}}}"#,
         #"{"metadata":{"labels":{"a":null,"z":null}},"spec":{"k":null}}"#,
         #"{"metadata":{"labels":{"b":"2"}},"spec":{}}"#),
        ("lists without a merge strategy are replaced", "PodSpec",
         #"{"tolerations":[{"key":"a"},{"key":"b"}],"containers":[{"name":"c","args":["1","2"]}]}"#,
         #"{"tolerations":[{"key":"z"}],"containers":[{"name":"c","args":["3"]}]}"#,
         #"{"tolerations":[{"key":"z"}],"containers":[{"name":"c","args":["3"]}]}"#),
        ("finalizers merge as a set", "Pod",
         #"{"metadata":{"finalizers":["a","b"]}}"#,
         #"{"metadata":{"finalizers":["b","c"]}}"#,
         #"{"metadata":{"finalizers":["a","b","c"]}}"#),
        ("$deleteFromPrimitiveList removes primitives", "Pod",
         #"{"metadata":{"finalizers":["a","b","c"]}}"#,
         #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}}"#,
         #"{"metadata":{"finalizers":["a","c"]}}"#),
        ("$setElementOrder orders the merged list", "PodSpec",
         #"{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}"#,
         #"{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}],"containers":[{"name":"a","image":"x"}]}"#,
         #"{"containers":[{"name":"c"},{"name":"a","image":"x"},{"name":"b"}]}"#),
        ("$setElementOrder on a primitive list", "Pod",
         #"{"metadata":{"finalizers":["a","b"]}}"#,
         #"{"metadata":{"$setElementOrder/finalizers":["c","b","a"],"finalizers":["c"]}}"#,
         #"{"metadata":{"finalizers":["c","b","a"]}}"#),
        ("server-only elements keep their place around patched ones", "PodSpec",
         #"{"containers":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]}"#,
         #"{"$setElementOrder/containers":[{"name":"d"},{"name":"b"}],"containers":[{"name":"d","x":1}]}"#,
         #"{"containers":[{"name":"a"},{"name":"c"},{"name":"d","x":1},{"name":"b"}]}"#),
        ("deleting and adding with $setElementOrder places server-only items as the API server does", "PodSpec",
         #"{"containers":[{"name":"x"},{"name":"b","image":"live"},{"name":"sidecar"}]}"#,
         #"{"$setElementOrder/containers":[{"name":"b"},{"name":"n"}],"containers":[{"name":"n"},{"$patch":"delete","name":"x"}]}"#,
         #"{"containers":[{"name":"b","image":"live"},{"name":"sidecar"},{"name":"n"}]}"#),
        ("$retainKeys clears keys not listed", "DeploymentSpec",
         #"{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}"#,
         #"{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}"#,
         #"{"strategy":{"type":"Recreate"}}"#),
        ("container ports merge by containerPort and env by name", "Container",
         #"{"ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"}]}"#,
         #"{"ports":[{"containerPort":80,"name":"http"},{"containerPort":443}],"env":[{"name":"A","valueFrom":{"x":1},"value":null}]}"#,
         #"{"ports":[{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":443}],"env":[{"name":"A","valueFrom":{"x":1}}]}"#),
        ("a new list taken from the patch loses its directives", "PodSpec",
         #"{}"#,
         #"{"containers":[{"name":"a","env":[{"name":"x","value":null}]},{"$patch":"delete","name":"b"}]}"#,
         #"{"containers":[{"name":"a","env":[{"name":"x"}]}]}"#),
        ("volumes merge by name", "PodSpec",
         #"{"volumes":[{"name":"v","configMap":{"name":"c"}}]}"#,
         #"{"volumes":[{"name":"v","$retainKeys":["name","secret"],"secret":{"secretName":"s"}}]}"#,
         #"{"volumes":[{"name":"v","secret":{"secretName":"s"}}]}"#),
        ("service ports merge by port", "Service",
         #"{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}"#,
         #"{"spec":{"ports":[{"port":80,"targetPort":9090}]}}"#,
         #"{"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}}"#),
        ("conditions merge by type", "Deployment",
         #"{"status":{"conditions":[{"type":"Available","status":"False"},{"type":"Progressing","status":"True"}]}}"#,
         #"{"status":{"conditions":[{"type":"Available","status":"True"}]}}"#,
         #"{"status":{"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}"#),
        ("ownerReferences merge by uid; without $setElementOrder new elements go first", "ConfigMap",
         #"{"metadata":{"ownerReferences":[{"uid":"1","name":"a"}]}}"#,
         #"{"metadata":{"ownerReferences":[{"uid":"2","name":"b"}]}}"#,
         #"{"metadata":{"ownerReferences":[{"uid":"2","name":"b"},{"uid":"1","name":"a"}]}}"#),
    ]

    static func schema(_ name: String) -> PatchSchema {
        PatchSchema.forKind(name) ?? PatchSchema.forType(name)
    }

    @Test("strategic merge patches apply as apimachinery does", arguments: cases)
    func apply(name: String, type: String, original: String, patch: String, expected: String) throws {
        let result = try StrategicMergePatch.apply(
            JSONParser.parse(patch), to: JSONParser.parse(original), schema: Self.schema(type))
        let want = try JSONParser.parse(expected)
        #expect(result == want, "\(name): got \(result.serialized())")
        // List order is significant: compare serialized lists too.
        #expect(result.serialized(.goMap) == want.serialized(.goMap), "\(name)")
    }

    @Test("kubectl's client-side apply body for a Deployment edit applies")
    func kubectlBody() throws {
        let live = try JSONParser.parse(#"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","annotations":{"x":"y"}},
             "spec":{"replicas":1,"template":{"spec":{"containers":[
               {"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
               {"name":"side","image":"busybox"}]}}}}
            """#)
        let body = try JSONParser.parse(#"""
            {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],"image":"nginx:1.26","name":"nginx"},{"$patch":"delete","name":"side"}]}}},"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}}}
            """#)
        let result = try StrategicMergePatch.apply(body, to: live, schema: #require(PatchSchema.forKind("Deployment")))
        let containers = result[path: ["spec", "template", "spec", "containers"]]
        #expect(containers == [["name": "nginx", "image": "nginx:1.26", "env": [["name": "A", "value": "1"], ["name": "C", "value": "3"]]]])
        #expect(containers?[0]?["env"]?.serialized() == #"[{"name":"A","value":"1"},{"name":"C","value":"3"}]"#)
        #expect(result[path: ["metadata", "annotations", "x"]] == "y")
        #expect(result[path: ["spec", "replicas"]] == 1)
    }

    static let failures: [(String, String, String, String)] = [
        ("PodSpec", #"{"containers":[{"name":"a"}]}"#, #"{"containers":[{"image":"x"}]}"#, "does not contain declared merge key: name"),
        ("PodSpec", #"{"containers":[{"name":"a"}]}"#, #"{"containers":[{"$patch":"frob","name":"a"}]}"#, "unknown patch type: frob"),
        ("PodSpec", #"{"x":{"a":1}}"#, #"{"x":{"$patch":"frob"}}"#, "unknown patch type: frob in map"),
        ("DeploymentSpec", #"{"strategy":{"type":"A"}}"#, #"{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}"#,
         "invalid patch format of retainKeys"),
        ("PodSpec", #"{"containers":[{"name":"a"},{"name":"b"}]}"#,
         #"{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"b"}]}"#, "doesn't match $setElementOrder list"),
        ("Pod", #"{"metadata":{"finalizers":["a"]}}"#, #"{"metadata":{"finalizers":["a",["b"]]}}"#, "lists of lists are not supported"),
    ]

    @Test("malformed strategic merge patches are rejected with upstream wording", arguments: failures)
    func failure(type: String, original: String, patch: String, fragment: String) throws {
        do {
            let result = try StrategicMergePatch.apply(
                JSONParser.parse(patch), to: JSONParser.parse(original), schema: Self.schema(type))
            Issue.record("expected an error, got \(result.serialized())")
        } catch {
            #expect(error.kind == .invalidPatch)
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("custom resources have no strategic merge schema", arguments: ["HelmRelease", "Kustomization", "Foo"])
    func unsupported(kind: String) {
        #expect(PatchSchema.forKind(kind) == nil)
        do {
            _ = try StrategicMergePatch.schema(forKind: kind)
            Issue.record("expected unsupported")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.hasPrefix("the body of the request was in an unknown format"))
        }
    }

    @Test("built-in kinds have a schema", arguments: ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service",
        "ConfigMap", "Secret", "ServiceAccount", "Namespace", "Event", "PersistentVolumeClaim", "Ingress", "NetworkPolicy",
        "Role", "ClusterRoleBinding", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Lease"])
    func supported(kind: String) {
        #expect(PatchSchema.forKind(kind) != nil)
    }
}
