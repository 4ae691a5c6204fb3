import FluxAPI
import StructuredData

extension HelmRelease: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension HelmReleaseSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "releaseName": .length(1...53),
            "targetNamespace": .length(1...63),
            "storageNamespace": .length(1...63),
            "timeout": .duration,
            "serviceAccountName": .length(1...253),
        ]
    }
}

extension HelmChartTemplateSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "chart": .length(1...2048),
            "version": .defaulting("*"),
            "interval": .duration,
            "reconcileStrategy": .defaulting("ChartVersion"),
        ]
    }
}

extension HelmChartTemplateSourceReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "name": .length(1...253),
            "namespace": .length(1...63),
        ]
    }
}

extension HelmChartTemplateVerification: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["provider": .defaulting("cosign")]
    }
}

extension Install: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .duration]
    }
}

extension Upgrade: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .duration]
    }
}

extension Test: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .duration]
    }
}

extension Filter: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["name": .length(1...253)]
    }
}

extension Rollback: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .duration]
    }
}

extension Uninstall: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "timeout": .duration,
            "deletionPropagation": .defaulting("background"),
        ]
    }
}

extension ValuesReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "name": .length(1...253),
            "valuesKey": .maxLength(253).pattern(#"^[\-._a-zA-Z0-9]+$"#),
            "targetPath": .maxLength(250).pattern(#"^([a-zA-Z0-9_\-.\\\/]|\[[0-9]{1,5}\])+$"#),
        ]
    }
}

extension HelmReleaseStatus: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["storageNamespace": .length(1...63)]
    }
}

extension Snapshot: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "firstDeployed": .dateTime,
            "lastDeployed": .dateTime,
            "deleted": .dateTime,
        ]
    }
}

extension TestHookStatus: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "lastStarted": .dateTime,
            "lastCompleted": .dateTime,
        ]
    }
}

extension HelmV2Beta1.HelmRelease: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension HelmV2Beta1.HelmReleaseSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "releaseName": .length(1...53),
            "targetNamespace": .length(1...63),
            "storageNamespace": .length(1...63),
            "timeout": .duration,
        ]
    }
}

extension HelmV2Beta1.HelmChartTemplateSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "version": .defaulting("*"),
            "interval": .duration,
            "reconcileStrategy": .defaulting("ChartVersion"),
        ]
    }
}

extension HelmV2Beta1.Test: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .duration]
    }
}
