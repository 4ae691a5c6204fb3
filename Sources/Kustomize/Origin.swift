import StructuredData

/// Where a resource or a transformer configuration came from (kustomize's `resource.Origin`),
/// written to `config.kubernetes.io/origin` and `alpha.config.kubernetes.io/transformations`
/// when `buildMetadata` asks for it.
struct Origin: Sendable, Equatable {
    /// The file, relative to the directory the build started from.
    var path = ""
    /// For generated resources and transformers: the file holding the configuration.
    var configuredIn = ""
    /// The configuration's `apiVersion`, `kind`, `name` and `namespace`.
    var configuredBy = ConfiguredBy()

    struct ConfiguredBy: Sendable, Equatable {
        var apiVersion = ""
        var kind = ""
        var name = ""
        var namespace = ""
        var isEmpty: Bool { apiVersion.isEmpty && kind.isEmpty && name.isEmpty && namespace.isEmpty }
    }

    static let annotation = "config.kubernetes.io/origin"
    static let transformationsAnnotation = "alpha.config.kubernetes.io/transformations"

    /// A copy with `path` joined to this origin's path (Go's `filepath.Join`).
    func appending(_ more: String) -> Origin {
        var o = self
        o.path = Self.join(path, more)
        return o
    }

    /// Go's `filepath.Join` of relative paths: joined with `/` and cleaned, leading `..` kept.
    static func join(_ a: String, _ b: String) -> String {
        let joined = [a, b].filter { !$0.isEmpty }.joined(separator: "/")
        if joined.isEmpty { return "" }
        let absolute = joined.hasPrefix("/")
        var out: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = out.last, last != ".." { out.removeLast() } else if !absolute { out.append(part) }
            default: out.append(part)
            }
        }
        let body = out.joined(separator: "/")
        if absolute { return "/" + body }
        return body.isEmpty ? "." : body
    }

    /// The origin as the mapping kyaml marshals (empty fields left out, in declaration order).
    var value: JSONValue {
        var o = JSONObject()
        if !path.isEmpty { o["path"] = .string(path) }
        if !configuredIn.isEmpty { o["configuredIn"] = .string(configuredIn) }
        if !configuredBy.isEmpty {
            var by = JSONObject()
            if !configuredBy.apiVersion.isEmpty { by["apiVersion"] = .string(configuredBy.apiVersion) }
            if !configuredBy.kind.isEmpty { by["kind"] = .string(configuredBy.kind) }
            if !configuredBy.name.isEmpty { by["name"] = .string(configuredBy.name) }
            if !configuredBy.namespace.isEmpty { by["namespace"] = .string(configuredBy.namespace) }
            o["configuredBy"] = .object(by)
        }
        return .object(o)
    }

    /// The annotation text (`{}` for an empty origin, as yaml marshals an empty struct).
    var yaml: String { Self.serialize(value) }

    static func serialize(_ v: JSONValue) -> String {
        (try? YAML.serialize(v, keyOrder: .preserved)) ?? "{}\n"
    }

    /// Parses an origin annotation; nil when it is not a mapping.
    init?(yaml text: String) {
        guard let v = try? KYAMLReader.documents(Array(text.utf8)).first else { return nil }
        self.init(value: v)
    }

    init() {}

    private init?(value v: JSONValue) {
        guard case .object(let o) = v else { return nil }
        path = o["path"]?.stringValue ?? ""
        configuredIn = o["configuredIn"]?.stringValue ?? ""
        if case .object(let by)? = o["configuredBy"] {
            configuredBy = ConfiguredBy(apiVersion: by["apiVersion"]?.stringValue ?? "", kind: by["kind"]?.stringValue ?? "",
                                        name: by["name"]?.stringValue ?? "", namespace: by["namespace"]?.stringValue ?? "")
        }
    }

    /// A builtin generator or transformer configured by the kustomization file of a target whose
    /// origin is `target`.
    static func builtin(_ kind: String, target: Origin, fileName: String) -> Origin {
        var o = Origin()
        o.configuredIn = join(target.path, fileName)
        o.configuredBy = ConfiguredBy(apiVersion: "builtin", kind: kind)
        return o
    }

    /// kustomize's `OriginFromCustomPlugin`: a plugin configuration resource's own origin
    /// becomes the place the plugin was configured in; nil when the resource has no origin.
    static func fromPlugin(_ config: Resource) -> Origin? {
        guard let own = config.origin else { return nil }
        var o = Origin()
        o.configuredIn = own.path
        o.configuredBy = ConfiguredBy(apiVersion: config.apiVersion, kind: config.kind, name: config.name, namespace: config.namespace)
        return o
    }

    /// Parses a transformations annotation (a list of origins).
    static func transformations(_ text: String) -> [JSONValue] {
        guard let v = try? KYAMLReader.documents(Array(text.utf8)).first, case .array(let items) = v else { return [] }
        return items
    }
}

extension Resource {
    /// The origin annotation, parsed (kustomize's `GetOrigin`).
    var origin: Origin? {
        guard let text = annotations[Origin.annotation] else { return nil }
        return Origin(yaml: text)
    }

    /// Sets or removes the origin annotation (kustomize's `SetOrigin`).
    mutating func setOrigin(_ origin: Origin?) {
        var a = annotationPairs
        a[Origin.annotation] = origin?.yaml
        setAnnotations(a)
    }

    /// Appends `origin` to the transformations annotation (kustomize's `AddTransformation`).
    mutating func addTransformation(_ origin: Origin) {
        var a = annotationPairs
        var list = a[Origin.transformationsAnnotation].map(Origin.transformations) ?? []
        list.append(origin.value)
        a[Origin.transformationsAnnotation] = Origin.serialize(.array(list))
        setAnnotations(a)
    }

    /// kustomize's `AddTransformerAnnotation` for one resource: a resource without an origin is
    /// taken to be made by the transformer.
    mutating func recordTransformer(_ origin: Origin) {
        if self.origin == nil { setOrigin(origin) } else { addTransformation(origin) }
    }
}
