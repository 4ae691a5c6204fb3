import FluxAPI
import StructuredData

extension ImagePolicy: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension AlphabeticalPolicy: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["order": .defaulting("asc")]
    }
}

extension NumericalPolicy: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["order": .defaulting("asc")]
    }
}

extension ImageRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension ImageRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "timeout": .timeout,
            "serviceAccountName": .maxLength(253),
            "exclusionList": .maxItems(25).defaulting(["^.*\\.sig$"]),
            "provider": .defaulting("generic"),
        ]
    }
}

extension ScanResult: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["scanTime": .dateTime]
    }
}

extension ImageUpdateAutomation: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension ImageUpdateAutomationSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "update": .defaulting(["strategy": "Setters"]),
        ]
    }
}

extension ImageUpdateAutomationSourceReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["kind": .defaulting("GitRepository")]
    }
}

extension UpdateStrategy: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["strategy": .defaulting("Setters")]
    }
}

extension ImageUpdateAutomationStatus: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "lastAutomationRunTime": .dateTime,
            "lastPushTime": .dateTime,
        ]
    }
}

extension ImageV1Beta1.ImagePolicy: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension ImageV1Beta1.ImageRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension ImageV1Beta1.ImageRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "timeout": .timeout,
            "serviceAccountName": .maxLength(253),
        ]
    }
}

extension ImageV1Beta1.ScanResult: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["scanTime": .dateTime]
    }
}
