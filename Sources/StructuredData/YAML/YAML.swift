/// YAML ⇄ `JSONValue`, as `sigs.k8s.io/yaml` (over `gopkg.in/yaml.v2` v2.4.0) converts them.
///
/// Reading runs on libyaml's event API (yaml.v2 is a Go port of libyaml; Yams bundles it as `CYaml`):
/// YAML 1.1 scalar resolution (see `YAMLScalarResolver`), quoted and block scalars are strings,
/// non-string keys are stringified (`1` → `"1"`, `true` → `"true"`), merge keys (`<<`) and
/// anchors/aliases are expanded, duplicate keys keep the last value, object key order is kept.
/// Errors are `StructuredDataError(.invalidYAML)` with yaml.v2's text (`yaml: line 3: …`).
/// Writing uses the Yams (libyaml) emitter with the styles yaml.v2's encoder picks.
public enum YAML {
    /// Parses the first document of a YAML text, as `yaml.Unmarshal` does (later documents are not
    /// read). An empty text is `.null`.
    public static func parse(_ text: String) throws(StructuredDataError) -> JSONValue {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(StructuredDataError) -> JSONValue in
            var composer = YAMLComposer(buffer: UnsafeBufferPointer(buffer))
            return try composer.nextDocument()?.value ?? .null
        }
    }

    /// Parses a multi-document YAML stream. An empty trailing document (from a final `---`) is dropped.
    public static func parseDocuments(_ text: String) throws(StructuredDataError) -> [JSONValue] {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(StructuredDataError) -> [JSONValue] in
            var composer = YAMLComposer(buffer: UnsafeBufferPointer(buffer))
            var result: [JSONValue] = []
            var lastWasEmpty = false
            while let (value, isEmpty) = try composer.nextDocument() {
                result.append(value)
                lastWasEmpty = isEmpty
            }
            if lastWasEmpty, result.count > 1 { result.removeLast() }
            return result
        }
    }
}
