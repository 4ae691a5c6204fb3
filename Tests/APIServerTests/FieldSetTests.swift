import StructuredData
import Testing
@testable import APIServerCore

@Suite("FieldSet and fieldsV1")
struct FieldSetTests {
    static let upstreamExamples = [
        #"{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:name":{}}}}}}}"#,
        #"{"f:data":{".":{},"f:a":{}},"f:metadata":{"f:finalizers":{"v:\"x\"":{}},"f:labels":{".":{},"f:app":{}}}}"#,
        #"{"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:targetPort":{}}}}}"#,
    ]

    @Test("fieldsV1 round-trips byte for byte", arguments: upstreamExamples)
    func roundTrip(text: String) throws {
        let parsed = try JSONParser.parse(text)
        let set = FieldSet(fieldsV1: parsed)
        #expect(set.fieldsV1.serialized(JSONWriteOptions(escapeHTML: false)) == text)
    }

    @Test("the shared encoding is the fresh one, and the cache starts again when full")
    func sharedEncoding() throws {
        let sets = try Self.upstreamExamples.map { FieldSet(fieldsV1: try JSONParser.parse($0)) }
        let cache = EncodedFieldSets(limit: 2)
        var counts: [Int] = []
        for set in [sets[0], sets[0], sets[1], sets[2]] {
            #expect(cache.encoded(set) == .object(set.encode()))
            counts.append(cache.count)
        }
        #expect(counts == [1, 1, 2, 1])  // a hit adds nothing; the third set found it full
    }

    @Test("paths render as structured-merge-diff prints them", arguments: [
        (["f:data", "f:a"], ".data.a"),
        (["f:spec", "f:template", "f:spec", "f:containers", #"k:{"name":"nginx"}"#, "f:image"],
         #".spec.template.spec.containers[name="nginx"].image"#),
        (["f:spec", "f:ports", #"k:{"port":80,"protocol":"TCP"}"#], #".spec.ports[port=80,protocol="TCP"]"#),
        (["f:metadata", "f:finalizers", #"v:"x""#], #".metadata.finalizers[="x"]"#),
    ])
    func render(path: [String], expected: String) {
        #expect(FieldSet.render(path) == expected)
    }

    @Test("apply sets own leaves, list items and atomic selectors, not structs")
    func applySet() throws {
        let deployment = try JSONParser.parse(#"{"metadata":{"labels":{"app":"web"}},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}"#)
        let type = try #require(BuiltinResources.all.first { $0.kind == "Deployment" })
        let set = FieldSet.applySet(of: deployment, schema: ApplySchema.root(for: type))
        #expect(set.fieldsV1.serialized(JSONWriteOptions(escapeHTML: false)) == Self.upstreamExamples[0])
    }

    @Test("set algebra: union, difference, intersection and membership below a path")
    func algebra() {
        var a = FieldSet()
        a.insert(["f:data", "f:a"])
        a.insert(["f:data", "f:b"])
        var b = FieldSet()
        b.insert(["f:data", "f:b"])
        b.insert(["f:spec"])
        #expect(a.union(b).paths.count == 3)
        #expect(a.subtracting(b).paths == [["f:data", "f:a"]])
        #expect(a.intersection(b).paths == [["f:data", "f:b"]])
        #expect(a.hasMember(atOrBelow: ["f:data"]))
        #expect(!a.hasMember(atOrBelow: ["f:spec"]))
    }
}
