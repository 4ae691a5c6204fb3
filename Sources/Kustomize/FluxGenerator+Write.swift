import StructuredData

/// kustomize-controller's generator (`Generator.WriteFile` of `fluxcd/pkg/kustomize` v1.5.0):
/// a directory without a kustomization file gets one listing its manifests, then the Flux
/// `Kustomization`'s fields are merged into the (generated or existing) file.
public enum FluxGenerator {
    /// Whether the kustomization file was created or already there.
    public enum Action: String, Sendable {
        case created
        case unchanged
    }

    /// The kustomization file to build with: its path and its new content.
    public struct Output: Sendable {
        public var action: Action
        public var path: String
        public var text: String
    }

    /// Generates the kustomization file of `dirPath` (an absolute directory of `fs`).
    ///
    /// Without a `kustomization.yaml`, `kustomization.yml` or `Kustomization`, every `.yaml`/`.yml`
    /// file under the directory (walked in lexical order) that decodes as Kubernetes objects
    /// becomes a resource (`./sub/file.yaml`); a sub-directory holding a kustomization file becomes
    /// a resource itself and is not descended into. The file's fields are then read as
    /// kustomize's `types.Kustomization` (unknown fields dropped) and `spec` merged in.
    ///
    /// - Throws: `failed to decode Kubernetes YAML from PATH: …` for a manifest that does not
    ///   decode, `component path '…' must be local and relative`, or a read error.
    public static func generate(fs: any KustomizeFileSystem, dirPath: String,
                                spec: FluxKustomizationSpec) throws(KustomizeError) -> Output {
        // Links resolved, so that the generated file's path is the one the loader reads.
        let dir = try fs.resolve(KustomizePath.clean(dirPath))
        var action = Action.unchanged
        var path = ""
        for name in Loader.kustomizationFileNames {
            let candidate = KustomizePath.join(dir, name)
            if fs.exists(candidate) && !fs.isDirectory(candidate) {
                path = candidate
                break
            }
        }
        var object: JSONObject
        if path.isEmpty {
            action = .created
            path = KustomizePath.join(dir, "kustomization.yaml")
            var resources: [String] = []
            try scan(fs, base: dir, dir: dir, into: &resources)
            object = ["apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"]
            if !resources.isEmpty { object["resources"] = .array(resources.map(JSONValue.string)) }
        } else {
            object = try lenientDecode(try fs.readFile(path))
        }
        try merge(spec, into: &object)
        let text: String
        do { text = try YAML.serialize(.object(object)) } catch { throw KustomizeError(.invalid, error.message) }
        return Output(action: action, path: path, text: text)
    }

    /// Generates, then builds `dirPath` as kustomize-controller does (`SecureBuild`): load
    /// restrictions off, builtin plugins only, the CLI's default (legacy) order.
    public static func build(fs: any KustomizeFileSystem, dirPath: String, spec: FluxKustomizationSpec) throws(KustomizeError) -> String {
        let generated = try generate(fs: fs, dirPath: dirPath, spec: spec)
        let overlay = OverlayFileSystem(base: fs, files: [generated.path: Array(generated.text.utf8)])
        return try Kustomizer.build(fs: overlay, path: KustomizePath.dir(generated.path),
                                    options: BuildOptions(loadRestrictions: .none, reorder: .unspecified))
    }

    /// `scanManifests`: depth-first, entries in lexical order.
    private static func scan(_ fs: any KustomizeFileSystem, base: String, dir: String, into paths: inout [String]) throws(KustomizeError) {
        for name in try fs.listDirectory(dir) {
            let path = KustomizePath.join(dir, name)
            let relative = "." + path.dropFirst(base == "/" ? 0 : base.count)
            if fs.isDirectory(path) {
                let hasKustomization = Loader.kustomizationFileNames.contains { n in
                    let k = KustomizePath.join(path, n)
                    return fs.exists(k) && !fs.isDirectory(k)
                }
                if hasKustomization { paths.append(relative) } else { try scan(fs, base: base, dir: path, into: &paths) }
                continue
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            do {
                _ = try ResourceFactory.resources(from: try fs.readFile(path))
            } catch {
                throw KustomizeError(error.kind, "failed to decode Kubernetes YAML from \(path): \(error.message)")
            }
            paths.append(relative)
        }
    }

    /// `yaml.Unmarshal` into `types.Kustomization`: field names match case-insensitively, unknown
    /// ones are dropped, apiVersion and kind default to a v1beta1 Kustomization.
    static func lenientDecode(_ bytes: [UInt8]) throws(KustomizeError) -> JSONObject {
        let value: JSONValue
        do { value = try YAML.parse(String(decoding: bytes, as: UTF8.self)) } catch {
            throw KustomizeError(.malformedYAML, error.message)
        }
        var object: JSONObject = ["apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization"]
        switch value {
        case .null: break
        case .object(let raw):
            for (key, v) in raw {
                let canonical = Kustomization.knownFields.contains(key) ? key
                    : Kustomization.knownFields.first { $0.lowercased() == key.lowercased() }
                if let canonical { object[canonical] = v }
            }
        default:
            throw KustomizeError(.invalid, "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(goJSONType(value)) into Go value of type types.Kustomization")
        }
        return object
    }

    /// The `WriteFile` merge of the Flux fields.
    private static func merge(_ spec: FluxKustomizationSpec, into object: inout JSONObject) throws(KustomizeError) {
        if let ns = spec.targetNamespace { object["namespace"] = .string(ns) }
        var patches = object["patches"]?.arrayValue ?? []
        for p in spec.patches {
            var o: JSONObject = ["patch": .string(p.patch)]
            if let t = p.target { o["target"] = selectorValue(t) }
            patches.append(.object(o))
        }
        if !patches.isEmpty { object["patches"] = .array(patches) }
        var components = object["components"]?.arrayValue ?? []
        for c in spec.components {
            guard isLocalRelativePath(c) else { throw KustomizeError(.invalid, "component path '\(c)' must be local and relative") }
            components.append(.string(c))
        }
        if !components.isEmpty { object["components"] = .array(components) }
        var psm = object["patchesStrategicMerge"]?.arrayValue ?? []
        for p in spec.patchesStrategicMerge { psm.append(.string(p.serialized())) }
        if !psm.isEmpty { object["patchesStrategicMerge"] = .array(psm) }
        var pj = object["patchesJson6902"]?.arrayValue ?? []
        for p in spec.patchesJson6902 {
            pj.append(.object(["patch": .string(JSONValue.array(p.patch).serialized()), "target": selectorValue(p.target)]))
        }
        if !pj.isEmpty { object["patchesJson6902"] = .array(pj) }
        var images = object["images"]?.arrayValue ?? []
        for image in spec.images {
            var o: JSONObject = ["name": .string(image.name)]
            if !image.newName.isEmpty { o["newName"] = .string(image.newName) }
            if !image.newTag.isEmpty { o["newTag"] = .string(image.newTag) }
            if !image.digest.isEmpty { o["digest"] = .string(image.digest) }
            if let i = images.firstIndex(where: { $0["name"]?.stringValue == image.name }) {
                images[i] = .object(o)
            } else {
                images.append(.object(o))
            }
        }
        if !images.isEmpty { object["images"] = .array(images) }
    }

    private static func selectorValue(_ s: Selector) -> JSONValue {
        var o = JSONObject()
        for (k, v) in [("group", s.group), ("version", s.version), ("kind", s.kind), ("name", s.name),
                       ("namespace", s.namespace), ("labelSelector", s.labelSelector),
                       ("annotationSelector", s.annotationSelector)] where !v.isEmpty {
            o[k] = .string(v)
        }
        return .object(o)
    }

    /// `IsLocalRelativePath`: not a remote URL form and not absolute (also after `file://`).
    public static func isLocalRelativePath(_ path: String) -> Bool {
        let lower = path.lowercased()
        for p in ["git::", "gh:", "ssh://", "https://", "http://", "git@", "github.com:", "github.com/"]
        where p.count < path.count && lower.hasPrefix(p) {
            return false
        }
        let trimmed = lower.hasPrefix("file://") ? String(lower.dropFirst("file://".count)) : lower
        return !path.hasPrefix("/") && !trimmed.hasPrefix("/")
    }
}
