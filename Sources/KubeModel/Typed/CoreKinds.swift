import Foundation
import StructuredData

/// `v1 ConfigMap`, typed.
public struct ConfigMap: KubeResource, Hashable {
    public static let apiResource = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap",
                                                namespaced: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
                                                shortNames: ["cm"])
    public var apiVersion = "v1"
    public var kind = "ConfigMap"
    public var metadata: ObjectMeta
    public var immutable: Bool?
    public var data: [String: String]?
    /// Base64 values, as on the wire.
    public var binaryData: [String: String]?
    public var unknownFields = UnknownFields()

    public init(name: String, namespace: String, data: [String: String]? = nil) {
        metadata = ObjectMeta(name: name, namespace: namespace)
        self.data = data
    }
}

/// `v1 Secret`, typed. `data` holds base64 strings as on the wire; `decodedData` decodes them.
public struct Secret: KubeResource, Hashable {
    public static let apiResource = APIResource(group: "", version: "v1", resource: "secrets", kind: "Secret",
                                                namespaced: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"])
    public var apiVersion = "v1"
    public var kind = "Secret"
    public var metadata: ObjectMeta
    public var immutable: Bool?
    public var data: [String: String]?
    public var stringData: [String: String]?
    public var type: String?
    public var unknownFields = UnknownFields()

    public init(name: String, namespace: String, type: String? = nil, data: [String: [UInt8]] = [:]) {
        metadata = ObjectMeta(name: name, namespace: namespace)
        self.type = type
        self.data = data.isEmpty ? nil : data.mapValues { Data($0).base64EncodedString() }
    }

    /// The value of `key`: `stringData` first (as the API server merges it), else decoded `data`.
    /// Nil when absent or not valid base64.
    public func value(_ key: String) -> [UInt8]? {
        if let s = stringData?[key] { return Array(s.utf8) }
        guard let b64 = data?[key], let d = Data(base64Encoded: b64) else { return nil }
        return Array(d)
    }

    /// `value(key)` as UTF-8 text.
    public func string(_ key: String) -> String? { value(key).map { String(decoding: $0, as: UTF8.self) } }
}
