import StructuredData

/// kustomize's ImageTagTransformer: image references under any `containers`/`initContainers`
/// list (except in CustomResourceDefinitions), then at the configured specs, are rewritten.
enum Images {
    static func transform(_ image: ImageSpec, _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        let pattern: Regex<AnyRegexOutput>
        do {
            pattern = try Regex("^" + image.name + "(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$")
        } catch {
            return
        }
        func update(_ v: inout JSONValue) {
            guard case .string(let s) = v, (try? pattern.wholeMatch(in: s)) != nil else { return }
            v = .string(rewrite(s, image))
        }
        for i in m.resources.indices {
            var r = m.resources[i]
            if r.kind != "CustomResourceDefinition" {
                var root = JSONValue.object(r.object)
                legacyWalk(&root, update)
                if case .object(let o) = root { r.object = o }
            }
            for fs in specs {
                try fs.apply(to: &r) { (v: inout JSONValue) throws(KustomizeError) in
                    if case .string = v { update(&v) } else if !v.isNull {
                        throw KustomizeError(.invalid, "wrong node kind: expected ScalarNode but got \(v.typeName)")
                    }
                }
            }
            m.resources[i] = r
        }
    }

    private static func legacyWalk(_ node: inout JSONValue, _ update: (inout JSONValue) -> Void) {
        switch node {
        case .object(var o):
            for key in Array(o.keys) {
                guard var child = o[key] else { continue }
                legacyWalk(&child, update)
                if key == "containers" || key == "initContainers", case .array(var items) = child {
                    for j in items.indices {
                        guard case .object(var c) = items[j], var img = c["image"] else { continue }
                        update(&img)
                        c["image"] = img
                        items[j] = .object(c)
                    }
                    child = .array(items)
                }
                o[key] = child
            }
            node = .object(o)
        case .array(var items):
            for j in items.indices { legacyWalk(&items[j], update) }
            node = .array(items)
        default:
            break
        }
    }

    /// The new reference for `value` under `image`'s newName/newTag/digest/tagSuffix.
    static func rewrite(_ value: String, _ image: ImageSpec) -> String {
        var (name, tag, digest) = split(value)
        if !image.newName.isEmpty { name = image.newName }
        if !image.newTag.isEmpty && !image.digest.isEmpty {
            tag = image.newTag
            digest = image.digest
        } else if !image.newTag.isEmpty {
            tag = image.newTag
            digest = ""
        } else if !image.digest.isEmpty {
            tag = ""
            digest = image.digest
        } else if !image.tagSuffix.isEmpty {
            tag += image.tagSuffix
            digest = ""
        }
        if !tag.isEmpty { name += ":" + tag }
        if !digest.isEmpty { name += "@" + digest }
        return name
    }

    /// Name, tag and digest of an image reference (a `:` before the first `/` is a port).
    static func split(_ image: String) -> (String, String, String) {
        let chars = Array(image)
        var slash = chars.firstIndex(of: "/") ?? 0
        if slash < 0 { slash = 0 }
        let search = Array(chars[slash...])
        let id = search.firstIndex(of: "@")
        let ic = search.firstIndex(of: ":")
        if id == nil && ic == nil { return (image, "", "") }
        if let id, ic == nil || id < ic! {
            let at = id + slash
            return (String(chars[..<at]), "", String(chars[(at + 1)...]))
        }
        if let id, let ic {
            let at = id + slash, colon = ic + slash
            return (String(chars[..<colon]), String(chars[(colon + 1)..<at]), String(chars[(at + 1)...]))
        }
        let colon = ic! + slash
        return (String(chars[..<colon]), String(chars[(colon + 1)...]), "")
    }
}
