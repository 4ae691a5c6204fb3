import Foundation
import StructuredData

extension KubeAPI {
    /// The `meta.k8s.io` Table version an `Accept` header asks for (`v1` or `v1beta1`), or nil.
    static func tableVersion(_ accept: String?) -> String? {
        guard let accept, accept.contains("as=Table") else { return nil }
        for range in accept.split(separator: ",") {
            var parameters: [String: String] = [:]
            for part in range.split(separator: ";").dropFirst() {
                let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 { parameters[kv[0]] = kv[1] }
            }
            if parameters["as"] == "Table", parameters["g"] == "meta.k8s.io", let v = parameters["v"], v == "v1" || v == "v1beta1" {
                return v
            }
        }
        return nil
    }

    /// The printer for a type: the built-in one, the CRD's `additionalPrinterColumns` (Name
    /// first, `Age` when the CRD declares none), or Name and `Created At`.
    static func tablePrinter(for type: ResourceType) -> TablePrinter {
        if !type.isCustom { return TablePrinter.forKind(type.group, type.kind) ?? .createdAt }
        var definitions = type.printerColumns?.arrayValue ?? []
        if definitions.isEmpty {
            definitions = [["name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"]]
        }
        let columns = [TableColumn.name] + definitions.map { d in
            TableColumn(name: d["name"]?.stringValue ?? "", type: d["type"]?.stringValue ?? "string",
                        format: d["format"]?.stringValue ?? "", description: d["description"]?.stringValue ?? "",
                        priority: Int(d["priority"]?.intValue ?? 0))
        }
        let paths = definitions.map { ($0["type"]?.stringValue ?? "string", PrinterColumnPath($0["jsonPath"]?.stringValue ?? "")) }
        return TablePrinter(columns: columns) { o, now in
            [TablePrinter.name(o)] + paths.map { type, path -> JSONValue in
                guard let value = path?.evaluate(o).first, value != .null else { return .null }
                switch type {
                case "date": return .string(Age.since(value.stringValue, now: now))
                case "string": return .string(PrinterColumnPath.text(value))
                default: return value
                }
            }
        }
    }

    /// A `Table` of `objects` (`includeObject`: `None`, `Object`, or `Metadata` by default).
    static func table(_ type: ResourceType, objects: [JSONValue], metadata: JSONObject, version: String,
                      includeObject: String?, headers: Bool = true, now: Date = Date()) -> JSONValue {
        let printer = tablePrinter(for: type)
        let rows: [JSONValue] = objects.map { object in
            var row: JSONObject = ["cells": .array(printer.cells(object, now))]
            switch includeObject {
            case "None": break
            case "Object": row["object"] = object
            default:
                row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": .string("meta.k8s.io/\(version)"),
                                 "metadata": object["metadata"] ?? .object([:])]
            }
            return .object(row)
        }
        return [
            "kind": "Table", "apiVersion": .string("meta.k8s.io/\(version)"), "metadata": .object(metadata),
            "columnDefinitions": .array(headers ? printer.columns.map(\.json) : []), "rows": .array(rows),
        ]
    }
}
