import GoCompat
import GoTemplate
import StructuredData

enum GoQuoteText {
    static func quote(_ s: String) -> String { GoQuote.quote(s) }
}

extension HelmFunctions {
    /// `sigs.k8s.io/yaml.Marshal` minus the final newline; "" on error.
    static func toYAML(_ value: GoValue) -> String {
        guard let json = try? JSONBridge.json(from: value), let text = try? YAML.serialize(json) else { return "" }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// YAML through JSON into `map[string]interface {}` (numbers float64); `{Error: msg}` on failure.
    static func fromYAML(_ text: String) -> GoValue {
        do {
            let json = try YAML.parse(text)
            switch json {
            case .object: return retype(JSONBridge.goValue(from: json))
            case .null: return .map([:])
            default:
                return .map(["Error": .string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(json)) into Go value of type map[string]interface {}")])
            }
        } catch {
            return .map(["Error": .string("error converting YAML to JSON: \(error.message)")])
        }
    }

    static func fromYAMLArray(_ text: String) -> GoValue {
        do {
            let json = try YAML.parse(text)
            switch json {
            case .array: return JSONBridge.goValue(from: json)
            case .null: return .anyList([])
            default:
                return .anyList([.string("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(json)) into Go value of type []interface {}")])
            }
        } catch {
            return .anyList([.string("error converting YAML to JSON: \(error.message)")])
        }
    }

    static func fromJSON(_ text: String) -> GoValue {
        do {
            let json = try JSONParser.parse(text)
            switch json {
            case .object: return JSONBridge.goValue(from: json)
            case .null: return .map([:])
            default: return .map(["Error": .string("json: cannot unmarshal \(jsonKind(json)) into Go value of type map[string]interface {}")])
            }
        } catch {
            return .map(["Error": .string(JSONBridge.goJSONMessage(error.message))])
        }
    }

    static func fromJSONArray(_ text: String) -> GoValue {
        do {
            let json = try JSONParser.parse(text)
            switch json {
            case .array: return JSONBridge.goValue(from: json)
            case .null: return .anyList([])
            default: return .anyList([.string("json: cannot unmarshal \(jsonKind(json)) into Go value of type []interface {}")])
            }
        } catch {
            return .anyList([.string(JSONBridge.goJSONMessage(error.message))])
        }
    }

    static func retype(_ value: GoValue) -> GoValue { value }

    static func jsonKind(_ json: JSONValue) -> String {
        switch json {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
