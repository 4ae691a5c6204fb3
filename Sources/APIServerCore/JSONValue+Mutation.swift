import StructuredData

extension JSONValue {
    /// Sets (or, with `nil`, removes) the value at `path`, creating intermediate objects.
    /// Does nothing when an intermediate value exists and is not an object.
    mutating func set(_ path: [String], _ newValue: JSONValue?) {
        guard let first = path.first else {
            if let newValue { self = newValue }
            return
        }
        if case .null = self { self = .object([:]) }
        guard case .object(var object) = self else { return }
        if path.count == 1 {
            object[first] = newValue
        } else {
            var child = object[first] ?? .object([:])
            if newValue == nil, object[first] == nil { return }
            child.set(Array(path.dropFirst()), newValue)
            object[first] = child
        }
        self = .object(object)
    }

    /// `metadata.<field>` as a string, or "" when absent.
    func metadataString(_ field: String) -> String {
        self["metadata"]?[field]?.stringValue ?? ""
    }

    /// `metadata.labels` as a dictionary of strings (non-string values are ignored).
    var labels: [String: String] {
        guard let object = self["metadata"]?["labels"]?.objectValue else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in object { if let s = v.stringValue { out[k] = s } }
        return out
    }

    /// `metadata.finalizers` as strings.
    var finalizers: [String] {
        self["metadata"]?["finalizers"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
