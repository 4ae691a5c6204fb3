/// The minimal protobuf `openapi_v2.Document` (google/gnostic `OpenAPIv2.proto`) served at
/// `/openapi/v2`: one path per built-in kind whose PATCH operation carries the
/// `x-kubernetes-group-version-kind` extension and a `dryRun` query parameter. That is all kubectl
/// ≤ 1.2x needs to allow `diff` and `--dry-run=server` (custom resources pass through the
/// Namespace entry); with no definitions, client-side validation skips every kind.
enum OpenAPIDocument {
    /// The encoded document for `types`.
    static func protobuf(_ types: [ResourceType]) -> [UInt8] {
        var paths: [UInt8] = []
        for type in types where !type.isCustom {
            let prefix = type.group.isEmpty ? "/api/v1" : "/apis/\(type.group)/\(type.version)"
            let path = type.namespaced
                ? "\(prefix)/namespaces/{namespace}/\(type.plural)/{name}"
                : "\(prefix)/\(type.plural)/{name}"
            let query = field(4, string: "dryRun") + field(2, string: "query") + field(6, string: "string")
            let parameter = field(1, bytes: field(2, bytes: field(3, bytes: query)))
            let gvk = "group: \"\(type.group)\"\nkind: \(type.kind)\nversion: \(type.version)\n"
            let extensionItem = field(1, string: "x-kubernetes-group-version-kind") + field(2, bytes: field(2, string: gvk))
            let operation = field(8, bytes: parameter) + field(13, bytes: extensionItem)
            let pathItem = field(8, bytes: operation)
            paths += field(2, bytes: field(1, string: path) + field(2, bytes: pathItem))
        }
        return field(8, bytes: paths)
    }

    static func varint(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        var v = UInt64(value)
        repeat {
            var byte = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            out.append(byte)
        } while v != 0
        return out
    }

    /// A length-delimited field (wire type 2).
    static func field(_ number: Int, bytes: [UInt8]) -> [UInt8] {
        varint(number << 3 | 2) + varint(bytes.count) + bytes
    }

    static func field(_ number: Int, string: String) -> [UInt8] { field(number, bytes: Array(string.utf8)) }
}
