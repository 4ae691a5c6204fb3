import KubeModel
import StructuredData

extension JSONValue: SchemaProviding {
    /// `apiextensionsv1.JSON`: any JSON value, kept as is.
    public static var openAPISchema: JSONSchemaProps {
        var s = JSONSchemaProps()
        s.preserveUnknownFields = true
        return s
    }

    public static var schemaPlaceholder: JSONValue { .null }
}

extension ObjectMeta: SchemaProviding {
    /// `metadata` of a custom resource: the API server validates it itself.
    public static var openAPISchema: JSONSchemaProps { .object }
    public static var schemaPlaceholder: ObjectMeta { ObjectMeta() }
}

extension Condition: SchemaProviding {
    /// `metav1.Condition`, as controller-gen writes it from the Kubernetes markers.
    public static var openAPISchema: JSONSchemaProps {
        var s = JSONSchemaProps.object
        var lastTransitionTime = JSONSchemaProps.string
        lastTransitionTime.format = "date-time"
        var message = JSONSchemaProps.string
        message.maxLength = 32768
        var observedGeneration = JSONSchemaProps(type: "integer", format: "int64")
        observedGeneration.minimum = 0
        var reason = JSONSchemaProps.string
        reason.maxLength = 1024
        reason.minLength = 1
        reason.pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"
        var status = JSONSchemaProps.string
        status.enumValues = ConditionStatus.allCases.map { .string($0.rawValue) }
        var type = JSONSchemaProps.string
        type.maxLength = 316
        type.pattern = #"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"#
        s.properties = [
            "lastTransitionTime": lastTransitionTime, "message": message, "observedGeneration": observedGeneration,
            "reason": reason, "status": status, "type": type,
        ]
        s.required = ["type", "status", "lastTransitionTime", "reason", "message"]
        return s
    }

    public static var schemaPlaceholder: Condition { Condition(type: "", status: .unknown, reason: "") }
}
