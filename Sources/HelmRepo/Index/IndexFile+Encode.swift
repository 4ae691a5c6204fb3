import HelmEngine
import StructuredData

extension IndexFile {
    /// The index as `json.MarshalIndent(index, "", "  ")` writes it (`ChartRepository.ToJSON`,
    /// the content source-controller stores as `index-<digest>.yaml`): struct field order,
    /// map keys sorted, `omitempty` fields left out, HTML characters escaped.
    public func jsonBytes() -> [UInt8] {
        var o = JSONObject()
        if let serverInfo, !serverInfo.isEmpty { o["serverInfo"] = .object(Self.sortedObject(serverInfo)) }
        o["apiVersion"] = .string(apiVersion)
        o["generated"] = .string(generated)
        if let entries {
            var e = JSONObject()
            for name in entries.keys.sorted(by: Self.goLess) {
                e[name] = .array((entries[name] ?? []).map { $0.map(\.json) ?? .null })
            }
            o["entries"] = .object(e)
        } else {
            o["entries"] = .null
        }
        if let publicKeys, !publicKeys.isEmpty { o["publicKeys"] = .array(publicKeys.map(JSONValue.string)) }
        if let annotations, !annotations.isEmpty {
            var a = JSONObject()
            for key in annotations.keys.sorted(by: Self.goLess) { a[key] = .string(annotations[key] ?? "") }
            o["annotations"] = .object(a)
        }
        return JSONValue.object(o).serializedBytes(JSONWriteOptions(sortedKeys: false, escapeHTML: true, indent: "  "))
    }

    static func goLess(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    /// A value with every object's keys in Go's map order.
    static func sortedValue(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o): return .object(sortedObject(o))
        case .array(let items): return .array(items.map(sortedValue))
        default: return value
        }
    }

    static func sortedObject(_ object: JSONObject) -> JSONObject {
        var out = JSONObject()
        for key in object.keys.sorted(by: goLess) {
            out[key] = object[key].map(sortedValue)
        }
        return out
    }
}

extension ChartVersion {
    /// `repo.ChartVersion` as encoding/json writes it: the embedded metadata first, then the
    /// version's own fields.
    var json: JSONValue {
        var o = metadata.goJSONObject
        o["urls"] = urls.map { .array($0.map(JSONValue.string)) } ?? .null
        o["created"] = .string(created)
        if removed { o["removed"] = .bool(true) }
        if !digest.isEmpty { o["digest"] = .string(digest) }
        if !checksum.isEmpty { o["checksum"] = .string(checksum) }
        if !engine.isEmpty { o["engine"] = .string(engine) }
        if !tillerVersion.isEmpty { o["tillerVersion"] = .string(tillerVersion) }
        if !urlDeprecated.isEmpty { o["url"] = .string(urlDeprecated) }
        return .object(o)
    }
}

extension ChartMetadata {
    /// `chart.Metadata` as encoding/json writes it (every field `omitempty`, struct order).
    /// This is also the config blob Helm pushes to OCI registries.
    public var goJSONObject: JSONObject {
        var o = JSONObject()
        func put(_ key: String, _ value: String) { if !value.isEmpty { o[key] = .string(value) } }
        func put(_ key: String, _ values: [String]) { if !values.isEmpty { o[key] = .array(values.map(JSONValue.string)) } }
        put("name", name)
        put("home", home)
        put("sources", sources)
        put("version", version)
        put("description", description)
        put("keywords", keywords)
        if !maintainers.isEmpty {
            o["maintainers"] = .array(maintainers.map { m in
                var mo = JSONObject()
                if !m.name.isEmpty { mo["name"] = .string(m.name) }
                if !m.email.isEmpty { mo["email"] = .string(m.email) }
                if !m.url.isEmpty { mo["url"] = .string(m.url) }
                return .object(mo)
            })
        }
        put("icon", icon)
        put("apiVersion", apiVersion)
        put("condition", condition)
        put("tags", tags)
        put("appVersion", appVersion)
        if deprecated { o["deprecated"] = .bool(true) }
        if !annotations.isEmpty {
            var a = JSONObject()
            for (k, v) in annotations.sorted(by: { IndexFile.goLess($0.key, $1.key) }) { a[k] = .string(v) }
            o["annotations"] = .object(a)
        }
        put("kubeVersion", kubeVersion)
        if !dependencies.isEmpty { o["dependencies"] = .array(dependencies.map(\.goJSON)) }
        put("type", type)
        return o
    }

    /// `json.Marshal(metadata)`, compact.
    public var goJSONBytes: [UInt8] { JSONValue.object(goJSONObject).serializedBytes(JSONWriteOptions(escapeHTML: true)) }
}

extension ChartDependency {
    /// `chart.Dependency` as encoding/json writes it.
    var goJSON: JSONValue {
        var o: JSONObject = ["name": .string(name)]
        if !version.isEmpty { o["version"] = .string(version) }
        o["repository"] = .string(repository)
        if !condition.isEmpty { o["condition"] = .string(condition) }
        if !tags.isEmpty { o["tags"] = .array(tags.map(JSONValue.string)) }
        if enabled { o["enabled"] = .bool(true) }
        if !importValues.isEmpty { o["import-values"] = .array(importValues.map(IndexFile.sortedValue)) }
        if !alias.isEmpty { o["alias"] = .string(alias) }
        return .object(o)
    }
}
