import FluxCRDs
import GoCompat
import KubeModel
import StructuredData

/// flux's `export` and `create --export` output: the object re-encoded through its Go type
/// (`apiVersion`, `kind`, `metadata` with name, namespace, labels and annotations, `spec`), then
/// `sigs.k8s.io/yaml` (keys sorted), printed as `---` and the document.
///
/// The Go round trip is reproduced from the CRD schema: unknown fields are dropped, durations are
/// re-printed as Go's `Duration.String()` (`5m` → `5m0s`), and optional fields (`omitempty`) holding
/// a zero value (`false`, `""`, `0`, empty lists and maps) are left out; required fields and the
/// few pointer fields in `keepZero` keep zero values.
public enum ExportFormatter {
    /// Spec paths of Go pointer scalars, which keep a zero value (`ignore: ""`, `maxHistory: 0`).
    static let keepZero: Set<String> = [
        "ignore", "maxHistory", "persistentClient",
        "install.remediation.remediateLastFailure", "upgrade.remediation.remediateLastFailure",
    ]

    /// The export document of `object` (read from the cluster or built by `create`).
    public static func document(_ object: KubeObject, kind: FluxKind) -> JSONValue {
        var metadata: JSONObject = ["name": .string(object.name), "namespace": .string(object.namespace)]
        if let labels = object.raw[path: ["metadata", "labels"]], !(labels.objectValue?.isEmpty ?? true) {
            metadata["labels"] = labels
        }
        if let annotations = object.raw[path: ["metadata", "annotations"]], !(annotations.objectValue?.isEmpty ?? true) {
            metadata["annotations"] = annotations
        }
        var doc: JSONObject = [
            "apiVersion": .string(kind.resource.apiVersion), "kind": .string(kind.kind), "metadata": .object(metadata),
        ]
        let spec = object.raw["spec"] ?? .object([:])
        if let schema = specSchema(kind) {
            doc["spec"] = normalize(spec, schema, required: true, path: "") ?? .object([:])
        } else {
            doc["spec"] = spec
        }
        return .object(doc)
    }

    /// `---` and the YAML, as `printExport` prints it.
    public static func render(_ document: JSONValue) throws(FluxCLIError) -> String {
        do {
            let yaml = try YAML.serialize(document, keyOrder: .natural)
            return "---\n" + Help.trimTrailing(yaml) + "\n"
        } catch {
            throw FluxCLIError(error.description)
        }
    }

    /// The `spec` schema of the kind's version.
    static func specSchema(_ kind: FluxKind) -> JSONSchemaProps? {
        guard let crd = FluxCRDCatalog.all.first(where: { $0.group == kind.resource.group && $0.kind == kind.kind }),
              let version = crd.versions.first(where: { $0.name == kind.resource.version }),
              let schema = try? version.openAPIV3Schema() else { return nil }
        return schema.properties["spec"]
    }

    static func isDuration(_ schema: JSONSchemaProps) -> Bool {
        schema.pattern == PropertyRule.durationPattern || schema.pattern == PropertyRule.timeoutPattern
    }

    /// `value` as Go would re-encode it under `schema`; nil when `omitempty` drops it.
    static func normalize(_ value: JSONValue, _ schema: JSONSchemaProps, required: Bool, path: String) -> JSONValue? {
        let keep = required || keepZero.contains(path)
        if case .null = value { return required ? JSONValue.null : JSONValue?.none }
        if schema.preserveUnknownFields == true || schema.intOrString == true || schema.type == nil {
            return value
        }
        switch schema.type {
        case "object":
            guard case .object(let members) = value else { return value }
            if !schema.properties.isEmpty {
                var out: JSONObject = [:]
                for (key, member) in members {
                    guard let sub = schema.properties[key] else { continue }
                    let childPath = path.isEmpty ? key : "\(path).\(key)"
                    if let normalized = normalize(member, sub, required: schema.required.contains(key), path: childPath) {
                        out[key] = normalized
                    }
                }
                return .object(out)
            }
            if let valueSchema = schema.additionalProperties {
                var out: JSONObject = [:]
                for (key, member) in members {
                    if let normalized = normalize(member, valueSchema, required: true, path: "\(path).\(key)") {
                        out[key] = normalized
                    }
                }
                return out.isEmpty && !keep ? JSONValue?.none : JSONValue.object(out)
            }
            return members.isEmpty && !keep ? JSONValue?.none : value
        case "array":
            guard case .array(let items) = value else { return value }
            if items.isEmpty { return keep ? value : JSONValue?.none }
            guard let itemSchema = schema.items else { return value }
            return .array(items.map { normalize($0, itemSchema, required: true, path: path) ?? .null })
        case "string":
            guard case .string(let text) = value else { return value }
            if text.isEmpty { return keep ? value : JSONValue?.none }
            if isDuration(schema), let d = try? GoDuration.parse(text) {
                return .string(d.description)
            }
            return value
        case "boolean":
            if value == .bool(false) && !keep { return JSONValue?.none }
            return value
        case "integer", "number":
            if (value.intValue == 0 || value.doubleValue == 0) && !keep { return JSONValue?.none }
            return value
        default:
            return value
        }
    }
}
