import StructuredData

extension APIResponse {
    /// The bytes of a JSON answer as every front sends them: compact, `<`/`>`/`&` unescaped, and a
    /// trailing newline (as the Go encoder writes).
    public static func encodeJSON(_ body: JSONValue) -> [UInt8] {
        body.serializedBytes(JSONWriteOptions(escapeHTML: false)) + [10]
    }

    /// The bytes of a `.list` answer: the header's fields, then `items` with each stored object's
    /// cached JSON (`StoredObject.bytes`) spliced in, and a trailing newline.
    public static func listBytes(header: JSONObject, items: [StoredObject]) -> [UInt8] {
        var body = JSONValue.object(header).serializedBytes()
        body.removeLast()
        if !header.isEmpty { body.append(UInt8(ascii: ",")) }
        body += Array(#""items":["#.utf8)
        body.reserveCapacity(body.count + items.count * 1024)
        for (i, item) in items.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            body += item.bytes
        }
        body += Array("]}\n".utf8)
        return body
    }

    /// The document of a `.list` answer as a value.
    public static func listValue(header: JSONObject, items: [StoredObject]) -> JSONValue {
        var object = header
        object["items"] = .array(items.map(\.value))
        return .object(object)
    }

    /// The `Retry-After` seconds of a `Status` body (`details.retryAfterSeconds`), as
    /// kube-apiserver sets the header for 429 and 504 answers; nil when there is none.
    public static func retryAfter(_ body: JSONValue) -> Int64? {
        guard body["kind"] == "Status", let seconds = body["details"]?["retryAfterSeconds"]?.intValue, seconds > 0 else { return nil }
        return seconds
    }
}
