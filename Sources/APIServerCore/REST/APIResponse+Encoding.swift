import StructuredData

extension APIResponse {
    /// The bytes of a JSON answer as every front sends them: compact, `<`/`>`/`&` unescaped, and a
    /// trailing newline (as the Go encoder writes).
    public static func encodeJSON(_ body: JSONValue) -> [UInt8] {
        body.serializedBytes(JSONWriteOptions(escapeHTML: false)) + [10]
    }
}
