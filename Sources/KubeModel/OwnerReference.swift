import StructuredData

/// `metav1.OwnerReference`.
public struct OwnerReference: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(
        apiVersion: String, kind: String, name: String, uid: String,
        controller: Bool? = nil, blockOwnerDeletion: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }

    /// Decodes one entry; missing strings read as `""`.
    public init(json: JSONValue) {
        self.init(
            apiVersion: json["apiVersion"]?.stringValue ?? "",
            kind: json["kind"]?.stringValue ?? "",
            name: json["name"]?.stringValue ?? "",
            uid: json["uid"]?.stringValue ?? "",
            controller: json["controller"]?.boolValue,
            blockOwnerDeletion: json["blockOwnerDeletion"]?.boolValue
        )
    }

    /// Wire form in upstream field order (apiVersion, kind, name, uid, controller, blockOwnerDeletion).
    public var json: JSONValue {
        var o: JSONObject = [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid),
        ]
        if let controller { o["controller"] = .bool(controller) }
        if let blockOwnerDeletion { o["blockOwnerDeletion"] = .bool(blockOwnerDeletion) }
        return .object(o)
    }

    /// The owner's group-version-kind.
    public var gvk: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: kind) }
}
