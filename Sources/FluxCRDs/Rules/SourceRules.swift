import FluxAPI
import StructuredData

extension GitRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension GitRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "url": .pattern("^(http|https|ssh)://.*$"),
            "interval": .duration,
            "timeout": .timeout.defaulting("60s"),
        ]
    }
}

extension GitRepositoryVerification: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["mode": .defaulting("HEAD")]
    }
}

extension Artifact: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "digest": .pattern("^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"),
            "lastUpdateTime": .dateTime,
        ]
    }
}

extension Bucket: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension BucketSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "provider": .defaulting("generic"),
            "interval": .duration,
            "timeout": .timeout.defaulting("60s"),
        ]
    }
}

extension SourceV1Beta2.GitRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension SourceV1Beta2.GitRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "url": .pattern("^(http|https|ssh)://.*$"),
            "interval": .duration,
            "timeout": .timeout.defaulting("60s"),
            "gitImplementation": .defaulting("go-git"),
        ]
    }
}

extension HelmChart: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension HelmChartSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "version": .defaulting("*"),
            "interval": .duration,
            "reconcileStrategy": .defaulting("ChartVersion"),
        ]
    }
}

extension OCIRepositoryVerification: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["provider": .defaulting("cosign")]
    }
}

extension HelmRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension HelmRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "url": .pattern("^(http|https|oci)://.*$"),
            "interval": .duration,
            "timeout": .timeout,
            "provider": .defaulting("generic"),
        ]
    }
}

extension OCIRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension OCIRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "url": .pattern("^oci://.*$"),
            "provider": .defaulting("generic"),
            "interval": .duration,
            "timeout": .timeout.defaulting("60s"),
        ]
    }
}

extension SourceV1Beta1.Bucket: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension SourceV1Beta1.BucketSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "provider": .defaulting("generic"),
            "timeout": .defaulting("60s"),
        ]
    }
}

extension SourceV1Beta1.Artifact: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["lastUpdateTime": .dateTime]
    }
}

extension SourceV1Beta1.GitRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension SourceV1Beta1.GitRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "url": .pattern("^(http|https|ssh)://.*$"),
            "timeout": .defaulting("60s"),
            "gitImplementation": .defaulting("go-git"),
        ]
    }
}

extension SourceV1Beta1.HelmChart: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension SourceV1Beta1.HelmChartSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "version": .defaulting("*"),
            "reconcileStrategy": .defaulting("ChartVersion"),
        ]
    }
}

extension SourceV1Beta1.HelmRepository: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension SourceV1Beta1.HelmRepositorySpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["timeout": .defaulting("60s")]
    }
}
