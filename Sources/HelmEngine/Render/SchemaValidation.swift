import StructuredData

/// `values.schema.json` checking (Helm's `ValidateAgainstSchema` over gojsonschema): each
/// chart's schema is applied to its slice of the coalesced values; errors from the whole tree
/// are aggregated as
/// `values don't meet the specifications of the schema(s) in the following chart(s):\n<chart>:\n- <field>: <desc>\n`.
enum SchemaValidation {
    static func validate(chart: Chart, values: JSONObject) throws(HelmError) {
        let text = try collect(chart: chart, values: values)
        if !text.isEmpty {
            throw HelmError(.values, "values don't meet the specifications of the schema(s) in the following chart(s):\n" + text)
        }
    }

    static func collect(chart: Chart, values: JSONObject) throws(HelmError) -> String {
        var out = ""
        if let schemaBytes = chart.schema {
            let schema: JSONValue
            do { schema = try JSONParser.parse(bytes: schemaBytes) } catch {
                throw HelmError(.values, "values don't meet the specifications of the schema(s) in the following chart(s):\n\(chart.name):\n\(error.message)")
            }
            var validator = SchemaValidator(root: schema)
            validator.validate(schema, .object(values), path: [])
            if !validator.errors.isEmpty {
                out += "\(chart.name):\n"
                for error in validator.errors { out += "- \(error)\n" }
            }
        }
        for sub in chart.dependencies {
            if case .object(let subValues)? = values[sub.name] {
                out += try collect(chart: sub, values: subValues)
            }
        }
        return out
    }
}
