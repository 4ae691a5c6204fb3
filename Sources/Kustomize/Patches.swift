import Foundation
import StructuredData

/// The patch transformers: `patchesStrategicMerge`, `patches` (strategic merge or JSON 6902,
/// told apart by content) and `patchesJson6902`.
enum Patches {
    /// Applies one strategic-merge patch to `r` (kustomize's `Resource.ApplySmPatch`); nil when the
    /// patch deletes the resource.
    static func applySM(_ patch: Resource, to r: Resource, allowNameChange: Bool, allowKindChange: Bool,
                        custom: CustomSchema?) throws(KustomizeError) -> Resource? {
        var p = patch.object
        p["apiVersion"] = .string(r.apiVersion)
        var target = r
        let (name, namespace, kind) = (r.name, r.namespace, r.kind)
        if allowNameChange || allowKindChange { target.storePreviousId() }
        let schema = SchemaNode.root(apiVersion: r.apiVersion, kind: r.kind, custom: custom)
        guard let merged = try StrategicMerge.merge(dest: .object(target.object), patch: .object(p), schema: schema),
              case .object(let o) = merged, !o.isEmpty else { return nil }
        target.object = o
        if !allowKindChange { target.object["kind"] = .string(kind) }
        if !allowNameChange { target.name = name }
        target.namespace = namespace
        return target
    }

    /// `patchesStrategicMerge`: each entry is a file or inline YAML; each patch goes to the one
    /// resource with its id.
    static func strategicMerge(_ entries: [String], _ m: inout ResMap, loader: Loader, custom: CustomSchema?) throws(KustomizeError) {
        var patches: [Resource] = []
        for entry in entries {
            if let inline = try? ResourceFactory.resources(from: Array(entry.utf8)), !inline.isEmpty, entry.contains("\n") || entry.contains(":") {
                patches += inline
            } else {
                patches += try ResourceFactory.resources(from: try loader.load(entry))
            }
        }
        for patch in patches {
            let index = try uniqueById(patch.orgId, m)
            guard let patched = try applySM(patch, to: m.resources[index], allowNameChange: false, allowKindChange: false, custom: custom) else {
                m.resources.remove(at: index)
                continue
            }
            m.resources[index] = patched
        }
    }

    static func uniqueById(_ id: ResId, _ m: ResMap) throws(KustomizeError) -> Int {
        let matches = m.resources.indices.filter { i in m.resources[i].allIds.contains { $0.equals(id) } }
        if matches.count == 1 { return matches[0] }
        let what = matches.isEmpty ? "no matches for Id \(id)" : "multiple matches for Id \(id)"
        throw KustomizeError(.patch, "\(what); failed to find unique target for patch \(id)")
    }

    /// One `patches:` entry.
    static func patch(_ spec: PatchSpec, _ m: inout ResMap, loader: Loader, custom: CustomSchema?) throws(KustomizeError) {
        let text = spec.patch.trimmingCharacters(in: .whitespacesAndNewlines)
        let patchText: String
        let source: String
        switch (text.isEmpty, spec.path.isEmpty) {
        case (true, true): throw KustomizeError(.invalid, "must specify one of patch and path in\n\(spec)")
        case (false, false): throw KustomizeError(.invalid, "patch and path can't be set at the same time\n\(spec)")
        case (false, true):
            patchText = text
            source = "[patch: \(goQuote(text))]"
        case (true, false):
            do {
                patchText = String(decoding: try loader.load(spec.path), as: UTF8.self)
            } catch {
                throw KustomizeError(error.kind, "failed to get the patch file from path(\(spec.path)): \(error.message)")
            }
            source = "[path: \(goQuote(spec.path))]"
        }
        let sm = try? ResourceFactory.resources(from: Array(patchText.utf8))
        let json = try? JSONPatchText.decode(patchText)
        if sm != nil && json != nil {
            throw KustomizeError(.patch, "illegally qualifies as both an SM and JSON patch: \(source)")
        }
        if let json {
            guard let target = spec.target else {
                throw KustomizeError(.patch, "must specify a target for JSON patch \(source)")
            }
            try applyJSON(json, target: target, &m)
            return
        }
        guard let sm else { throw KustomizeError(.patch, "unable to parse SM or JSON patch from \(source)") }
        if let target = spec.target {
            if sm.count > 1 {
                throw KustomizeError(.patch, "Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field: \(source)")
            }
            guard let patch = sm.first else { return }
            let selected = Set(try target.select(m))
            var kept: [Resource] = []
            for (i, r) in m.resources.enumerated() {
                guard selected.contains(i) else { kept.append(r); continue }
                if let patched = try applySM(patch, to: r, allowNameChange: spec.allowNameChange,
                                             allowKindChange: spec.allowKindChange, custom: custom) {
                    kept.append(patched)
                }
            }
            m.resources = kept
            return
        }
        for patch in sm {
            let index: Int
            do { index = try uniqueById(patch.orgId, m) } catch {
                throw KustomizeError(.patch, "no resource matches strategic merge patch \"\(patch.orgId)\": \(error.message)")
            }
            guard let patched = try applySM(patch, to: m.resources[index], allowNameChange: spec.allowNameChange,
                                            allowKindChange: spec.allowKindChange, custom: custom) else {
                m.resources.remove(at: index)
                continue
            }
            m.resources[index] = patched
        }
    }

    /// A JSON 6902 patch applied to every resource the selector picks.
    ///
    /// Upstream the object the patch sees carries kustomize's build annotations
    /// (`internal.config.kubernetes.io/…`) whenever the resource has any — always after the
    /// previous id is stored — so `add /metadata/annotations/x` works on a resource without
    /// annotations. They are modelled by a placeholder entry, removed again afterwards; then the
    /// annotations are rewritten as strings (an empty map disappears), as `SetAnnotations` does.
    static func applyJSON(_ patch: JSONPatch, target: Selector, _ m: inout ResMap, storeId: Bool = true) throws(KustomizeError) {
        for i in try target.select(m) {
            var r = m.resources[i]
            if storeId { r.storePreviousId() }
            var doc = r.object
            if r.hasBuildAnnotations {
                var meta = doc["metadata"]?.objectValue ?? [:]
                var annotations = meta["annotations"]?.objectValue ?? [:]
                annotations[Self.buildAnnotationPlaceholder] = .string(r.name)
                meta["annotations"] = .object(annotations)
                doc["metadata"] = .object(meta)
            }
            let result: JSONValue
            do { result = try patch.apply(to: .object(doc)) } catch {
                throw KustomizeError(.patch, error.message)
            }
            guard case .object(let o) = result else {
                throw KustomizeError(.patch, "json: cannot unmarshal into Go value of type map[string]interface {}")
            }
            r.object = o
            var annotations = r.annotationPairs
            for key in annotations.keys where key.hasPrefix("internal.config.kubernetes.io/") { annotations[key] = nil }
            r.setAnnotations(annotations)
            m.resources[i] = r
        }
    }

    static let buildAnnotationPlaceholder = "internal.config.kubernetes.io/previousNames"

    /// A deprecated `patchesJson6902` entry.
    static func json6902(_ spec: PatchSpec, _ m: inout ResMap, loader: Loader) throws(KustomizeError) {
        guard let target = spec.target, !target.name.isEmpty else {
            throw KustomizeError(.invalid, "must specify the target name")
        }
        var text = spec.patch
        if !spec.path.isEmpty {
            text = String(decoding: try loader.load(spec.path), as: UTF8.self)
        }
        if text.isEmpty { throw KustomizeError(.invalid, "empty file path and empty jsonOp") }
        let patch = try JSONPatchText.decode(text)
        try applyJSON(patch, target: target, &m, storeId: false)
    }
}

/// Parsing of JSON 6902 patch text: JSON when it starts with `[`, YAML otherwise.
enum JSONPatchText {
    static func decode(_ text: String) throws(KustomizeError) -> JSONPatch {
        if text.isEmpty { throw KustomizeError(.patch, "empty json patch operations") }
        let value: JSONValue
        do {
            value = text.hasPrefix("[") ? try JSONParser.parse(text) : try YAML.parse(text)
        } catch {
            throw KustomizeError(.patch, error.message)
        }
        guard case .array = value else {
            throw KustomizeError(.patch, "json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        }
        do { return try JSONPatch(value) } catch { throw KustomizeError(.patch, error.message) }
    }
}
