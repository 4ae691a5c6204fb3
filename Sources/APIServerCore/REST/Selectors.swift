import KubeModel
import StructuredData

/// Label- and field-selector matching for list, watch and deletecollection, with KubeModel's
/// `LabelSelector`/`FieldSelector` and the field labels each type supports.
struct ObjectMatcher: Sendable {
    var labels: LabelSelector = .everything
    var fields: FieldSelector = .everything

    /// Parses `labelSelector` and `fieldSelector`; 400 `BadRequest` when malformed or when a
    /// field label is not supported by `type` (`field label not supported: <x>`).
    init(labelSelector: String?, fieldSelector: String?, type: ResourceType) throws(APIServerError) {
        do {
            if let s = labelSelector, !s.isEmpty { labels = try LabelSelector.parse(s) }
            if let s = fieldSelector, !s.isEmpty { fields = try FieldSelector.parse(s) }
        } catch {
            throw .badRequest(error.description)
        }
        for r in fields.requirements {
            let supported = r.field == "metadata.name" || (type.namespaced && r.field == "metadata.namespace")
                || type.extraFieldLabels.contains(r.field)
            if !supported { throw .badRequest("field label not supported: \(r.field)") }
        }
    }

    var isEmpty: Bool { labels.isEmpty && fields.isEmpty }

    /// True when the object satisfies both selectors.
    func matches(_ object: JSONValue) -> Bool {
        if !labels.isEmpty && !labels.matches(object.labels) { return false }
        if !fields.isEmpty && !fields.matches({ Self.fieldValue(object, $0) }) { return false }
        return true
    }

    /// The value of a supported field label (`source` is `source.component` for events).
    static func fieldValue(_ object: JSONValue, _ path: String) -> String? {
        let effective = path == "source" ? "source.component" : path
        switch object[dotted: effective] {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .bool(let b)?: return String(b)
        default: return nil
        }
    }
}
