import FluxAPI
import StructuredData

extension Kustomization: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension KustomizationSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "retryInterval": .duration,
            "targetNamespace": .length(1...63),
            "timeout": .duration,
            "force": .defaulting(false),
        ]
    }
}

extension SubstituteReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "name": .length(1...253),
            "optional": .defaulting(false),
        ]
    }
}

extension KustomizeV1Beta2.Kustomization: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension KustomizeV1Beta2.KustomizationSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "retryInterval": .duration,
            "targetNamespace": .length(1...63),
            "timeout": .duration,
            "force": .defaulting(false),
        ]
    }
}

extension KustomizeV1Beta1.Kustomization: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension KustomizeV1Beta1.KustomizationSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "targetNamespace": .length(1...63),
            "force": .defaulting(false),
        ]
    }
}

extension KustomizeV1Beta1.SubstituteReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["name": .length(1...253)]
    }
}
