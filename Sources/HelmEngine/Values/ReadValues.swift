import StructuredData

extension ChartLoader {
    /// `chartutil.ReadValues`: a values document as a map with Helm's number semantics (every
    /// number a float64); empty input is `{}`.
    /// - Throws: `error converting YAML to JSON: …`, or Go's unmarshal error for a non-map document.
    public static func readValues(_ data: [UInt8]) throws(HelmError) -> JSONObject {
        do {
            return try parseValues(data, what: "values")
        } catch {
            throw HelmError(.values, error.message.replacingAll("cannot load values: ", with: ""))
        }
    }
}
