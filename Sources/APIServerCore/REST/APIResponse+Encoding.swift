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
        var head = JSONValue.object(header).serializedBytes()
        head.removeLast()
        if !header.isEmpty { head.append(UInt8(ascii: ",")) }
        head += Array(#""items":["#.utf8)
        let parts = items.map(\.bytes)
        let tail = Array("]}\n".utf8)
        var body: [UInt8] = []
        body.reserveCapacity(head.count + parts.reduce(0) { $0 + $1.count } + max(0, parts.count - 1) + tail.count)
        body += head
        for (i, part) in parts.enumerated() {
            if i > 0 { body.append(UInt8(ascii: ",")) }
            body += part
        }
        body += tail
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
