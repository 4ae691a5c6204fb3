/// A JSON Patch (RFC 6902) document: an ordered list of operations.
///
/// Contract: `apply(to:)` runs the operations in order on a copy and either returns the fully patched
/// document or throws (the input is never half-patched). Failures are `.invalidPatch` (malformed
/// operation), `.patchConflict` (a path that does not apply) or `.testFailed`; the messages follow
/// `evanphx/json-patch`, which Kubernetes returns in its 422 responses.
public struct JSONPatch: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        case add(path: JSONPointer, value: JSONValue)
        case remove(path: JSONPointer)
        case replace(path: JSONPointer, value: JSONValue)
        case move(from: JSONPointer, path: JSONPointer)
        case copy(from: JSONPointer, path: JSONPointer)
        case test(path: JSONPointer, value: JSONValue)
    }

    public var operations: [Operation]

    public init(_ operations: [Operation]) { self.operations = operations }

    /// Reads a patch from its JSON form (an array of `{"op": …, "path": …}` objects).
    public init(_ json: JSONValue) throws(StructuredDataError) {
        guard case .array(let items) = json else {
            throw StructuredDataError(.invalidPatch, "json: cannot unmarshal \(json.typeName) into Go value of type jsonpatch.Patch")
        }
        var operations: [Operation] = []
        for item in items {
            guard case .object(let o) = item else {
                throw StructuredDataError(.invalidPatch, "json: cannot unmarshal \(item.typeName) into Go value of type jsonpatch.Operation")
            }
            operations.append(try Self.operation(o))
        }
        self.operations = operations
    }

    /// Parses JSON text and reads the patch from it.
    public init(text: String) throws(StructuredDataError) {
        try self.init(JSONParser.parse(text))
    }

    private static func operation(_ o: JSONObject) throws(StructuredDataError) -> Operation {
        let op = o["op"]?.stringValue ?? "unknown"
        func pointer(_ field: String) throws(StructuredDataError) -> JSONPointer {
            guard let text = o[field]?.stringValue else {
                throw StructuredDataError(
                    .invalidPatch, field == "path" ? "operation missing path field: missing value" : "operation, missing \(field) field: missing value")
            }
            return try JSONPointer(text)
        }
        func value() throws(StructuredDataError) -> JSONValue {
            guard let v = o["value"] else {
                throw StructuredDataError(.invalidPatch, "operation, missing value field: missing value")
            }
            return v
        }
        switch op {
        case "add": return .add(path: try pointer("path"), value: try value())
        case "remove": return .remove(path: try pointer("path"))
        case "replace": return .replace(path: try pointer("path"), value: try value())
        case "move": return .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": return .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": return .test(path: try pointer("path"), value: try value())
        default: throw StructuredDataError(.invalidPatch, "Unexpected kind: \(op)")
        }
    }

    /// The patch as a JSON array of operation objects.
    public var json: JSONValue {
        .array(operations.map { op in
            switch op {
            case let .add(path, value): return ["op": "add", "path": .string(path.description), "value": value]
            case let .remove(path): return ["op": "remove", "path": .string(path.description)]
            case let .replace(path, value): return ["op": "replace", "path": .string(path.description), "value": value]
            case let .move(from, path): return ["op": "move", "from": .string(from.description), "path": .string(path.description)]
            case let .copy(from, path): return ["op": "copy", "from": .string(from.description), "path": .string(path.description)]
            case let .test(path, value): return ["op": "test", "path": .string(path.description), "value": value]
            }
        })
    }

    /// Applies every operation in order and returns the patched document.
    public func apply(to document: JSONValue) throws(StructuredDataError) -> JSONValue {
        var doc = document
        for op in operations { try Self.apply(op, to: &doc) }
        return doc
    }
}
