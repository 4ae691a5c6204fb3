import Synchronization
import Crypto
import StructuredData

/// The OpenAPI documents of one set of served types, encoded once: Swagger 2.0 as JSON and as
/// gnostic protobuf for `/openapi/v2`, and for `/openapi/v3` one OpenAPI 3.0 document per
/// group-version with its content hash, plus the discovery document that lists them.
struct OpenAPISnapshot: Sendable {
    /// One `/openapi/v3/<groupVersionPath>` document.
    struct GroupVersionDocument: Sendable {
        var json: [UInt8]
        /// Upper-case hex SHA-512 of `json`, as kube-apiserver computes it.
        var hash: String
    }

    var v2JSON: [UInt8]
    var v2Protobuf: [UInt8]
    /// By path: `api/v1`, `apis/apps/v1`.
    var v3: [String: GroupVersionDocument]
    var v3Discovery: [UInt8]

    static let title = "Kubernetes"
    static let version = "v1.28.0"

    init(types: [ResourceType]) {
        // Swagger 2.0.
        var definitions: [String: JSONValue] = [:]
        var paths: [String: JSONValue] = [:]
        for type in types {
            let name = Self.definitionName(type)
            for (path, item) in OpenAPIPaths.paths(type, definition: name, .v2) { paths[path] = item }
            for (n, schema) in Self.definitions(type, .v2) { definitions[n] = schema }
        }
        let v2: JSONValue = [
            "swagger": "2.0",
            "info": ["title": .string(Self.title), "version": .string(Self.version)],
            "paths": .object(JSONObject(uniqueKeysWithValues: paths.sorted { $0.key < $1.key })),
            "definitions": .object(JSONObject(uniqueKeysWithValues: definitions.sorted { $0.key < $1.key })),
        ]
        v2JSON = v2.serializedBytes()
        v2Protobuf = GnosticEncoder.document(v2)

        // OpenAPI 3.0, per group-version.
        var byGroupVersion: [String: [ResourceType]] = [:]
        for type in types {
            byGroupVersion[type.group.isEmpty ? "api/\(type.version)" : "apis/\(type.group)/\(type.version)", default: []].append(type)
        }
        var documents: [String: GroupVersionDocument] = [:]
        for (key, members) in byGroupVersion {
            var schemas: [String: JSONValue] = [:]
            var paths: [String: JSONValue] = [:]
            for type in members {
                for (path, item) in OpenAPIPaths.paths(type, definition: Self.definitionName(type), .v3) { paths[path] = item }
                for (n, schema) in Self.definitions(type, .v3) { schemas[n] = schema }
            }
            let doc: JSONValue = [
                "openapi": "3.0.0",
                "info": ["title": .string(Self.title), "version": .string(Self.version)],
                "paths": .object(JSONObject(uniqueKeysWithValues: paths.sorted { $0.key < $1.key })),
                "components": ["schemas": .object(JSONObject(uniqueKeysWithValues: schemas.sorted { $0.key < $1.key }))],
            ]
            let json = doc.serializedBytes()
            let hash = SHA512.hash(data: json).map { byte in
                let hex = String(byte, radix: 16, uppercase: true)
                return byte < 16 ? "0" + hex : hex
            }.joined()
            documents[key] = GroupVersionDocument(json: json, hash: hash)
        }
        v3 = documents
        var discovery: JSONObject = [:]
        for (key, doc) in documents.sorted(by: { $0.key < $1.key }) {
            discovery[key] = ["serverRelativeURL": .string("/openapi/v3/\(key)?hash=\(doc.hash)")]
        }
        v3Discovery = JSONValue.object(["paths": .object(discovery)]).serializedBytes()
    }

    /// The definition name of a served type (built-in: the catalog's; custom: the reversed group's).
    static func definitionName(_ type: ResourceType) -> String {
        type.isCustom ? CustomResourceOpenAPI.definitionName(type)
            : BuiltinSchemas.package(group: type.group, version: type.version) + "." + type.kind
    }

    /// The definitions a type needs in a document: its own and its list's, and everything they
    /// refer to (ObjectMeta, ListMeta, the spec types), plus Status and Patch for the operations.
    static func definitions(_ type: ResourceType, _ dialect: SchemaDialect) -> [(String, JSONValue)] {
        let operationTypes = [BuiltinSchemas.metaPackage + "Status", BuiltinSchemas.metaPackage + "Patch"]
        if type.isCustom {
            let own = CustomResourceOpenAPI.definitions(type, dialect)
            let shared = BuiltinSchemas.closure(of: [BuiltinSchemas.metaPackage + "ObjectMeta", BuiltinSchemas.metaPackage + "ListMeta"] + operationTypes)
            return own.map { ($0.name, $0.schema) } + shared.map { ($0.name, $0.json(dialect)) }
        }
        let name = definitionName(type)
        return BuiltinSchemas.closure(of: [name, name + "List"] + operationTypes).map { ($0.name, $0.json(dialect)) }
    }
}

/// The current `OpenAPISnapshot`, rebuilt only when the registry's types change (a CRD is
/// established, updated or removed), never per request. Concurrent requests after a change share
/// one build.
final class OpenAPICache: Sendable {
    private let state = Mutex<(generation: Int, build: Task<OpenAPISnapshot, Never>)?>(nil)

    /// The documents for the registry's current types (or newer ones).
    func snapshot(_ registry: ResourceRegistry) async -> OpenAPISnapshot {
        let (generation, types) = registry.versionedTypes
        let build = state.withLock { current -> Task<OpenAPISnapshot, Never> in
            if let current, current.generation >= generation { return current.build }
            let build = Task { OpenAPISnapshot(types: types) }
            current = (generation, build)
            return build
        }
        return await build.value
    }
}
