import KStatus
import KubeModel
import StructuredData
import Testing

@Suite("kstatus on malformed objects and aggregation")
struct MalformedStatusTests {
    static let malformed: [(String, JSONValue, String)] = [
        ("a generation that is not an integer is an error",
         ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p", "generation": "two"]],
         "looking up metadata.generation from resource: .metadata.generation accessor error: two is of the type string, expected int64"),
        ("an observedGeneration that is a float is an error",
         ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["generation": 1], "status": ["observedGeneration": 1.5]],
         "looking up status.observedGeneration from resource: .status.observedGeneration accessor error: 1.5 is of the type float64, expected int64"),
        ("a deletion timestamp that is a number is an error",
         ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["deletionTimestamp": 5]],
         "looking up metadata.deletionTimestamp from resource: .metadata.deletionTimestamp accessor error: 5 is of the type int64, expected string"),
        ("metadata that is not an object is an error",
         ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["a", "b"]],
         "looking up metadata.deletionTimestamp from resource: .metadata.deletionTimestamp accessor error: [a b] is of the type []interface {}, expected map[string]interface{}"),
        ("conditions that are not a list are an error",
         ["apiVersion": "example.com/v1", "kind": "Widget", "status": ["conditions": ["type": "Ready"]]],
         "cannot convert status.conditions of type map[string]interface {} into []BasicCondition"),
        ("a condition status that is not a string is an error",
         ["apiVersion": "example.com/v1", "kind": "Widget", "status": ["conditions": [["type": "Ready", "status": true]]]],
         "cannot convert status.conditions[0].status of type bool into string"),
        ("container statuses that are not a list are an error",
         ["apiVersion": "v1", "kind": "Pod", "status": ["phase": "Running", "containerStatuses": "broken"]],
         ".status.containerStatuses accessor error: broken is of the type string, expected []interface{}"),
    ]

    @Test("malformed status fields give apimachinery's accessor errors", arguments: malformed.indices)
    func malformedFields(index: Int) {
        let (_, raw, message) = Self.malformed[index]
        #expect(throws: KStatusError(message)) { try StatusResult.compute(KubeObject(raw)) }
    }

    @Test("replica counts that are not integers fall back to their defaults")
    func nonIntegerCountsUseDefaults() throws {
        let deployment = KubeObject(["apiVersion": "apps/v1", "kind": "Deployment", "spec": ["replicas": "3"],
                                     "status": ["replicas": 1.0]])
        #expect(try StatusResult.compute(deployment).message == "Replicas: 0/1")
    }

    static let aggregates: [([ResourceStatus], ResourceStatus)] = [
        ([], .current),
        ([.current, .current], .current),
        ([.current, .inProgress], .inProgress),
        ([.current, .notFound], .inProgress),
        ([.inProgress, .unknown], .unknown),
        ([.unknown, .failed, .current], .failed),
        ([.terminating], .inProgress),
    ]

    @Test("aggregation prefers Failed, then Unknown, then all-desired, else InProgress", arguments: aggregates.indices)
    func aggregate(index: Int) {
        let (statuses, expected) = Self.aggregates[index]
        #expect(ResourceStatus.aggregate(statuses, desired: .current) == expected)
    }
}
