import StructuredData

extension Status {
    /// Decodes a `Status` from its JSON object; missing or mistyped fields take their zero value.
    /// Unknown reasons decode as `.unknown`.
    public init(json: JSONValue) {
        self.init(
            status: json["status"]?.stringValue ?? "",
            message: json["message"]?.stringValue ?? "",
            reason: StatusReason(rawValue: json["reason"]?.stringValue ?? "") ?? .unknown,
            details: json["details"].flatMap(StatusDetails.init(json:)),
            code: Int(json["code"]?.intValue ?? 0),
            metadata: json["metadata"] ?? .object([:])
        )
    }

    /// True when `json` looks like a `Status` object (`kind: Status`).
    public static func isStatus(_ json: JSONValue) -> Bool {
        json["kind"]?.stringValue == "Status"
    }

    /// The wire form, with the upstream field order (kind, apiVersion, metadata, status, message,
    /// reason, details, code) and Go's `omitempty` rules.
    public var json: JSONValue {
        var o: JSONObject = ["kind": "Status", "apiVersion": "v1", "metadata": metadata]
        if !status.isEmpty { o["status"] = .string(status) }
        if !message.isEmpty { o["message"] = .string(message) }
        if reason != .unknown { o["reason"] = .string(reason.rawValue) }
        if let details { o["details"] = details.json }
        if code != 0 { o["code"] = .int(Int64(code)) }
        return .object(o)
    }
}

extension StatusDetails {
    /// Decodes details; `nil` when `json` is not an object.
    public init?(json: JSONValue) {
        guard json.objectValue != nil else { return nil }
        self.init(
            name: json["name"]?.stringValue ?? "",
            group: json["group"]?.stringValue ?? "",
            kind: json["kind"]?.stringValue ?? "",
            uid: json["uid"]?.stringValue ?? "",
            causes: (json["causes"]?.arrayValue ?? []).map(StatusCause.init(json:)),
            retryAfterSeconds: Int(json["retryAfterSeconds"]?.intValue ?? 0)
        )
    }

    /// Wire form: name, group, kind, uid, causes, retryAfterSeconds, each omitted when empty.
    public var json: JSONValue {
        var o: JSONObject = [:]
        if !name.isEmpty { o["name"] = .string(name) }
        if !group.isEmpty { o["group"] = .string(group) }
        if !kind.isEmpty { o["kind"] = .string(kind) }
        if !uid.isEmpty { o["uid"] = .string(uid) }
        if !causes.isEmpty { o["causes"] = .array(causes.map(\.json)) }
        if retryAfterSeconds != 0 { o["retryAfterSeconds"] = .int(Int64(retryAfterSeconds)) }
        return .object(o)
    }
}

extension StatusCause {
    public init(json: JSONValue) {
        self.init(
            type: json["reason"]?.stringValue ?? "",
            message: json["message"]?.stringValue ?? "",
            field: json["field"]?.stringValue ?? ""
        )
    }

    /// Wire form: reason, message, field, each omitted when empty.
    public var json: JSONValue {
        var o: JSONObject = [:]
        if !type.isEmpty { o["reason"] = .string(type) }
        if !message.isEmpty { o["message"] = .string(message) }
        if !field.isEmpty { o["field"] = .string(field) }
        return .object(o)
    }
}
