extension StrategicMergePatch {
    /// Walks both lists sorted by the `%v` text of their merge keys: matching elements are diffed
    /// recursively (keeping the merge key), new ones are added whole, removed ones become
    /// `{"$patch": "delete", <key>: <value>}`.
    static func diffListsOfMaps(
        _ original: [JSONValue], _ modified: [JSONValue], schema: PatchSchema, mergeKey: String, options: DiffOptions
    ) throws(StructuredDataError) -> ([JSONValue], [JSONValue]) {
        let o = try keyedElements(original, mergeKey: mergeKey)
        let m = try keyedElements(modified, mergeKey: mergeKey)
        var patch: [JSONValue] = []
        var deletions: [JSONValue] = []
        var i = 0
        var j = 0
        while i < o.count || j < m.count {
            let inO = i < o.count
            let inM = j < m.count
            if inO && inM && o[i].text == m[j].text {
                var value = try diffMaps(o[i].object, m[j].object, schema: schema, options: options)
                if !value.isEmpty {
                    value[mergeKey] = m[j].key
                    patch.append(.object(value))
                }
                i += 1
                j += 1
            } else if !inO || (inM && o[i].text > m[j].text) {
                if !options.ignoreChangesAndAdditions { patch.append(.object(m[j].object)) }
                j += 1
            } else {
                if !options.ignoreDeletions {
                    deletions.append(.object([directiveMarker: .string(deleteDirective), mergeKey: o[i].key]))
                }
                i += 1
            }
        }
        return (patch, deletions)
    }

    private struct KeyedElement {
        let object: JSONObject
        let key: JSONValue
        let text: String
    }

    private static func keyedElements(_ list: [JSONValue], mergeKey: String) throws(StructuredDataError) -> [KeyedElement] {
        var out: [KeyedElement] = []
        for v in list {
            guard case .object(let o) = v else { throw error("expected a map, but received a \(v.typeName)") }
            guard let key = o[mergeKey] else { throw noMergeKey(o, mergeKey) }
            out.append(KeyedElement(object: o, key: key, text: goString(key)))
        }
        return out.enumerated().sorted { a, b in
            a.element.text == b.element.text ? a.offset < b.offset : a.element.text < b.element.text
        }.map(\.element)
    }

    /// Additions and deletions between two primitive lists, compared by `%v` text.
    static func diffListsOfScalars(
        _ original: [JSONValue], _ modified: [JSONValue], options: DiffOptions
    ) -> ([JSONValue], [JSONValue]) {
        let o = sortScalars(deduplicate(original))
        let m = sortScalars(deduplicate(modified))
        var add: [JSONValue] = []
        var deletions: [JSONValue] = []
        var i = 0
        var j = 0
        while i < o.count || j < m.count {
            let inO = i < o.count
            let inM = j < m.count
            let os = inO ? goString(o[i]) : ""
            let ms = inM ? goString(m[j]) : ""
            if inO && inM && os == ms {
                i += 1
                j += 1
            } else if !inO || (inM && os > ms) {
                if !options.ignoreChangesAndAdditions { add.append(m[j]) }
                j += 1
            } else {
                if !options.ignoreDeletions { deletions.append(o[i]) }
                i += 1
            }
        }
        return (add, deduplicate(deletions))
    }
}
