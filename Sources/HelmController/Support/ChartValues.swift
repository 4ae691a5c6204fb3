import Foundation
import FluxAPI
import HelmEngine
import KubeClient
import KubeModel
import Logging
import StructuredData

/// Composes a HelmRelease's values (`internal/chartutil/values.go`): `valuesFrom` references in
/// order (ConfigMap/Secret data at `valuesKey`, merged deeply, or set at `targetPath` with Helm's
/// strvals — quoted values as literal strings), then the inline `values` on top. Numbers are Go
/// float64s, as helm-controller's values come through JSON.
enum ChartValues {
    enum Reason: String {
        case resourceNotFound = "resource not found"
        case keyNotFound = "key not found"
        case valuesDataRead = "failed to read values data"
        case valueMerge = "failed to merge value"
    }

    /// `ErrValuesReference.Error()`:
    /// `could not resolve [optional ]<Kind> chart values reference '<ns>/<name>' with key '<key>': <reason>`.
    struct ReferenceError: Error, CustomStringConvertible {
        var kind: String
        var namespace: String
        var name: String
        var key: String
        var optional: Bool
        var reason: Reason
        var detail: String?

        var description: String {
            var s = "could not resolve" + (optional ? " optional" : "")
            if !kind.isEmpty { s += " \(kind)" }
            s += " chart values reference '\(namespace)/\(name)'"
            if !key.isEmpty { s += " with key '\(key)'" }
            return s + ": " + (detail ?? reason.rawValue)
        }
    }

    static func compose(client: KubeClient, namespace: String, values: JSONObject, references: [ValuesReference],
                        logger: Logger) async throws -> JSONObject {
        var result: JSONObject = [:]
        var configMaps: [String: ConfigMap?] = [:]
        var secrets: [String: Secret?] = [:]
        for ref in references {
            let key = ref.valuesKeyOrDefault
            let optional = ref.optional ?? false
            func error(_ reason: Reason, _ detail: String? = nil) -> ReferenceError {
                ReferenceError(kind: ref.kind.rawValue, namespace: namespace, name: ref.name, key: key, optional: optional,
                               reason: reason, detail: detail)
            }
            var data: [UInt8]?
            var found = false
            switch ref.kind {
            case .configMap:
                if configMaps[ref.name] == nil {
                    configMaps[ref.name] = .some(try await fetch(ConfigMap.self, client, namespace, ref.name))
                }
                if let cm = configMaps[ref.name] ?? nil {
                    found = true
                    data = cm.data?[key].map { Array($0.utf8) }
                }
            case .secret:
                if secrets[ref.name] == nil {
                    secrets[ref.name] = .some(try await fetch(Secret.self, client, namespace, ref.name))
                }
                if let secret = secrets[ref.name] ?? nil {
                    found = true
                    data = secret.data?[key].flatMap { Secret.decodeBase64($0) }
                }
            }
            guard found else {
                let e = error(.resourceNotFound, "\(ref.kind.rawValue.lowercased())s \"\(ref.name)\" not found")
                if optional { logger.info("\(e)"); continue }
                throw e
            }
            guard let data else {
                let e = error(.keyNotFound)
                if optional { logger.info("\(e)"); continue }
                throw e
            }
            if let path = ref.targetPath, !path.isEmpty {
                do {
                    try replacePathValue(&result, path: path, value: String(decoding: data, as: UTF8.self))
                } catch let e as HelmError {
                    throw error(.valueMerge, e.message)
                }
                continue
            }
            let parsed: JSONObject
            do { parsed = try ChartLoader.readValues(data) } catch let e { throw error(.valuesDataRead, e.message) }
            result = ValueOptions.mergeMaps(result, parsed)
        }
        let inline: JSONObject
        if case .object(let o) = JSONValue.object(values).helmNumbers { inline = o } else { inline = values }
        return ValueOptions.mergeMaps(result, inline)
    }

    /// Nil when the object does not exist; other errors are thrown as is.
    static func fetch<T: KubeResource>(_ type: T.Type, _ client: KubeClient, _ namespace: String, _ name: String) async throws -> T? {
        do {
            return try await client.get(T.self, namespace: namespace, name: name)
        } catch where error.isNotFound {
            return nil
        }
    }

    /// `ReplacePathValue`: `path=value` parsed by strvals; a value wrapped in single or double
    /// quotes is set as a literal string (quotes removed).
    static func replacePathValue(_ values: inout JSONObject, path: String, value: String) throws {
        let singleQuoted = value.hasPrefix("'") && value.hasSuffix("'")
        let doubleQuoted = value.hasPrefix("\"") && value.hasSuffix("\"")
        if singleQuoted || doubleQuoted {
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            try StrVals.parse(path + "=" + trimmed, into: &values, mode: .string)
            return
        }
        try StrVals.parse(path + "=" + value, into: &values, mode: .typed)
    }
}

extension Secret {
    /// Standard base64 decoding of a `data` value; nil when invalid.
    static func decodeBase64(_ text: String) -> [UInt8]? { Data(base64Encoded: text).map { Array($0) } }
}


