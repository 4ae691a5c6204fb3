import FluxAPI
import StructuredData

extension AlertSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "eventSeverity": .defaulting("info"),
            "summary": .maxLength(255),
        ]
    }
}

extension CrossNamespaceObjectReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "name": .length(1...53),
            "namespace": .length(1...53),
        ]
    }
}

extension ProviderSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "channel": .maxLength(2048),
            "username": .maxLength(2048),
            "address": .maxLength(2048),
            "timeout": .timeout,
            "proxy": .maxLength(2048).pattern("^(http|https)://.*$"),
        ]
    }
}

extension Receiver: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension ReceiverSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["interval": .duration.defaulting("10m")]
    }
}

extension NotificationV1Beta2.Alert: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension NotificationV1Beta2.Provider: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension NotificationV1Beta2.ProviderSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "interval": .duration,
            "channel": .maxLength(2048),
            "username": .maxLength(2048),
            "address": .maxLength(2048),
            "timeout": .timeout,
            "proxy": .maxLength(2048).pattern("^(http|https)://.*$"),
        ]
    }
}

extension NotificationV1Beta2.Receiver: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension NotificationV1Beta2.ReceiverSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["interval": .duration]
    }
}

extension NotificationV1Beta1.Alert: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension NotificationV1Beta1.AlertSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["eventSeverity": .defaulting("info")]
    }
}

extension NotificationV1Beta1.CrossNamespaceObjectReference: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "name": .length(1...53),
            "namespace": .length(1...53),
        ]
    }
}

extension NotificationV1Beta1.Provider: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}

extension NotificationV1Beta1.ProviderSpec: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        [
            "address": .pattern("^(http|https)://"),
            "timeout": .timeout,
            "proxy": .pattern("^(http|https)://"),
        ]
    }
}

extension NotificationV1Beta1.Receiver: SchemaDescribed {
    public static var propertyRules: [String: PropertyRule] {
        ["status": .defaulting(["observedGeneration": -1])]
    }
}
