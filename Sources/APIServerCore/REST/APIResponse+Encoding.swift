import StructuredData

extension APIResponse {
    /// The bytes of a JSON answer as every front sends them: compact, `<`/`>`/`&` unescaped, and a
    /// trailing newline (as the Go encoder writes).
    public static func encodeJSON(_ body: JSONValue) -> [UInt8] {
        body.serializedBytes(JSONWriteOptions(escapeHTML: false)) + [10]
    }

    /// The `Retry-After` seconds of a `Status` body (`details.retryAfterSeconds`), as
    /// kube-apiserver sets the header for 429 and 504 answers; nil when there is none.
    public static func retryAfter(_ body: JSONValue) -> Int64? {
        guard body["kind"] == "Status", let seconds = body["details"]?["retryAfterSeconds"]?.intValue, seconds > 0 else { return nil }
        return seconds
    }
}
