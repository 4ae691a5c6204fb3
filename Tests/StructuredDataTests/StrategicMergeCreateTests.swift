import Testing
@testable import StructuredData

@Suite struct StrategicMergeCreateTests {
    static let deployment = PatchSchema.forKind("Deployment") ?? .untyped

    static let lastApplied = #"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"template":{"spec":{"containers":[
           {"name":"nginx","image":"nginx:1.25","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},
           {"name":"side","image":"busybox"}]}}}}
        """#
    static let edited = #"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"template":{"spec":{"containers":[
           {"name":"nginx","image":"nginx:1.26","env":[{"name":"A","value":"1"},{"name":"C","value":"3"}]}]}}}}
        """#
    static let kubectlBody =
        #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],"image":"nginx:1.26","name":"nginx"},{"$patch":"delete","name":"side"}]}}}}"#

    @Test("the two-way patch of a Deployment edit is kubectl's body")
    func twoWayKubectl() throws {
        let patch = try StrategicMergePatch.createTwoWayPatch(
            original: JSONParser.parse(Self.lastApplied), modified: JSONParser.parse(Self.edited), schema: Self.deployment)
        #expect(patch.serialized(.goMap) == Self.kubectlBody)
    }

    @Test("the three-way patch leaves server-set fields alone and matches kubectl's body")
    func threeWayKubectl() throws {
        var live = try JSONParser.parse(Self.lastApplied)
        live[path: ["spec", "replicas"]] = 1
        live[path: ["status"]] = ["replicas": 1]
        live[path: ["metadata", "uid"]] = "u-1"
        let patch = try StrategicMergePatch.createThreeWayPatch(
            original: JSONParser.parse(Self.lastApplied), modified: JSONParser.parse(Self.edited), current: live,
            schema: Self.deployment, overwrite: true)
        #expect(patch.serialized(.goMap) == Self.kubectlBody)
        let applied = try StrategicMergePatch.apply(patch, to: live, schema: Self.deployment)
        #expect(applied[path: ["spec", "replicas"]] == 1)
        #expect(applied[path: ["status", "replicas"]] == 1)
        #expect(applied[path: ["spec", "template", "spec", "containers"]]
            == (try JSONParser.parse(Self.edited))[path: ["spec", "template", "spec", "containers"]])
    }

    /// (schema kind, original, modified, expected patch with Go-sorted keys)
    static let twoWayCases: [(String, String, String, String)] = [
        ("Pod", #"{"metadata":{"labels":{"a":"1","b":"2"}}}"#, #"{"metadata":{"labels":{"a":"1","c":"3"}}}"#,
         #"{"metadata":{"labels":{"b":null,"c":"3"}}}"#),
        ("Pod", #"{"metadata":{"finalizers":["a","b","c"]}}"#, #"{"metadata":{"finalizers":["a","c","d"]}}"#,
         #"{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a","c","d"],"finalizers":["d"]}}"#),
        ("Deployment", #"{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}"#,
         #"{"spec":{"strategy":{"type":"Recreate"}}}"#,
         #"{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}"#),
        ("Pod", #"{"spec":{"tolerations":[{"key":"a"}],"containers":[{"name":"c","args":["1"]}]}}"#,
         #"{"spec":{"tolerations":[{"key":"b"}],"containers":[{"name":"c","args":["1","2"]}]}}"#,
         #"{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"args":["1","2"],"name":"c"}],"tolerations":[{"key":"b"}]}}"#),
        ("Pod", #"{"spec":{"containers":[{"name":"a"},{"name":"b"}]}}"#, #"{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}"#,
         #"{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}"#),
        ("Pod", #"{"a":1}"#, #"{"a":1}"#, "{}"),
    ]

    @Test("two-way patches carry the expected directives", arguments: twoWayCases)
    func twoWay(kind: String, original: String, modified: String, expected: String) throws {
        let schema = try #require(PatchSchema.forKind(kind))
        let o = try JSONParser.parse(original)
        let m = try JSONParser.parse(modified)
        let patch = try StrategicMergePatch.createTwoWayPatch(original: o, modified: m, schema: schema)
        #expect(patch.serialized(.goMap) == expected)
        let applied = try StrategicMergePatch.apply(patch, to: o, schema: schema)
        #expect(applied.serialized(.goMap) == m.serialized(.goMap))
    }

    static let roundTrips: [(String, String, String)] = [
        ("Pod",
         #"{"metadata":{"name":"p","ownerReferences":[{"uid":"1"},{"uid":"2"}]},"spec":{"volumes":[{"name":"v","configMap":{"name":"c"}}],"containers":[{"name":"a","ports":[{"containerPort":80},{"containerPort":81}],"volumeMounts":[{"mountPath":"/x","name":"v"}]}]}}"#,
         #"{"metadata":{"name":"p","ownerReferences":[{"uid":"2"},{"uid":"3"}]},"spec":{"volumes":[{"name":"v","secret":{"secretName":"s"}}],"containers":[{"name":"z"},{"name":"a","ports":[{"containerPort":81,"name":"h"}],"volumeMounts":[]}]}}"#),
        ("Service", #"{"spec":{"ports":[{"port":80},{"port":443}],"selector":{"a":"b"}}}"#,
         #"{"spec":{"ports":[{"port":443,"name":"s"}],"type":"NodePort"}}"#),
    ]

    @Test("applying a two-way patch to the original gives the modified document", arguments: roundTrips)
    func roundTrip(kind: String, original: String, modified: String) throws {
        let schema = try #require(PatchSchema.forKind(kind))
        let o = try JSONParser.parse(original)
        let m = try JSONParser.parse(modified)
        let patch = try StrategicMergePatch.createTwoWayPatch(original: o, modified: m, schema: schema)
        let applied = try StrategicMergePatch.apply(patch, to: o, schema: schema)
        #expect(applied.serialized(.goMap) == m.serialized(.goMap), "patch \(patch.serialized(.goMap))")
    }

    @Test("three-way patches keep fields added by others and delete what the user removed")
    func threeWayPreserves() throws {
        let schema = try #require(PatchSchema.forKind("ConfigMap"))
        let original = try JSONParser.parse(#"{"metadata":{"labels":{"a":"1","b":"2"}},"data":{"k":"v"}}"#)
        let modified = try JSONParser.parse(#"{"metadata":{"labels":{"a":"1"}},"data":{"k":"v2"}}"#)
        let current = try JSONParser.parse(#"{"metadata":{"labels":{"a":"1","b":"2","other":"x"}},"data":{"k":"v","extra":"e"}}"#)
        let patch = try StrategicMergePatch.createThreeWayPatch(
            original: original, modified: modified, current: current, schema: schema, overwrite: true)
        #expect(patch.serialized(.goMap) == #"{"data":{"k":"v2"},"metadata":{"labels":{"b":null}}}"#)
        let applied = try StrategicMergePatch.apply(patch, to: current, schema: schema)
        #expect(applied == (try JSONParser.parse(#"{"metadata":{"labels":{"a":"1","other":"x"}},"data":{"k":"v2","extra":"e"}}"#)))
    }

    @Test("without overwrite a three-way patch that collides with live changes is a conflict")
    func threeWayConflict() throws {
        let schema = try #require(PatchSchema.forKind("ConfigMap"))
        let original = try JSONParser.parse(#"{"data":{"k":"v"}}"#)
        let modified = try JSONParser.parse(#"{"data":{"k":"mine"}}"#)
        let current = try JSONParser.parse(#"{"data":{"k":"theirs"}}"#)
        #expect(throws: StructuredDataError.self) {
            try StrategicMergePatch.createThreeWayPatch(
                original: original, modified: modified, current: current, schema: schema, overwrite: false)
        }
        let patch = try StrategicMergePatch.createThreeWayPatch(
            original: original, modified: modified, current: current, schema: schema, overwrite: true)
        #expect(patch.serialized(.goMap) == #"{"data":{"k":"mine"}}"#)
        let unrelated = try JSONParser.parse(#"{"data":{"k":"v","z":"1"}}"#)
        #expect(throws: Never.self) {
            try StrategicMergePatch.createThreeWayPatch(
                original: original, modified: modified, current: unrelated, schema: schema, overwrite: false)
        }
    }
}
