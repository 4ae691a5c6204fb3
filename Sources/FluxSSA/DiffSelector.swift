import KubeModel

/// Selects objects for drift ignore rules (`ssa/jsondiff.Selector`, helm-controller's
/// `IgnoreRule.target`). Group, version, kind, name and namespace are regular expressions
/// anchored at both ends; label and annotation selectors use label-selector syntax. An empty
/// field matches anything.
public struct DiffSelector: Sendable, Equatable {
    public var group: String
    public var version: String
    public var kind: String
    public var name: String
    public var namespace: String
    public var annotationSelector: String
    public var labelSelector: String

    public init(group: String = "", version: String = "", kind: String = "", name: String = "", namespace: String = "",
                annotationSelector: String = "", labelSelector: String = "") {
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.annotationSelector = annotationSelector
        self.labelSelector = labelSelector
    }

    /// The compiled form (`NewSelectorRegex`).
    /// - Throws: `.selector` `invalid <field> regex: …` or `invalid label selector: …`.
    func compiled() throws(FluxSSAError) -> CompiledSelector {
        func regex(_ pattern: String, _ field: String) throws(FluxSSAError) -> Regex<AnyRegexOutput>? {
            guard !pattern.isEmpty else { return nil }
            do { return try Regex("^(?:" + pattern + ")$") } catch {
                throw FluxSSAError(.selector, "invalid \(field) regex: error parsing regexp: `\(pattern)`")
            }
        }
        func selector(_ text: String, _ field: String) throws(FluxSSAError) -> LabelSelector? {
            guard !text.isEmpty else { return nil }
            do { return try LabelSelector.parse(text) } catch {
                throw FluxSSAError(.selector, "invalid \(field) selector: \(error)")
            }
        }
        return CompiledSelector(group: try regex(group, "group"), version: try regex(version, "version"),
                                kind: try regex(kind, "kind"), name: try regex(name, "name"),
                                namespace: try regex(namespace, "namespace"),
                                labels: try selector(labelSelector, "label"), annotations: try selector(annotationSelector, "annotation"))
    }
}

/// A `DiffSelector` ready to match.
struct CompiledSelector: @unchecked Sendable {
    // Regex is not Sendable; compiled selectors live inside one `diffAll` call.
    let group, version, kind, name, namespace: Regex<AnyRegexOutput>?
    let labels, annotations: LabelSelector?

    /// `MatchUnstructured`.
    func matches(_ object: KubeObject) -> Bool {
        func match(_ regex: Regex<AnyRegexOutput>?, _ value: String) -> Bool {
            guard let regex else { return true }
            return (try? regex.wholeMatch(in: value)) != nil
        }
        let gvk = object.gvk
        return match(namespace, object.namespace) && match(name, object.name) && match(group, gvk.group)
            && match(version, gvk.version) && match(kind, gvk.kind)
            && (labels?.matches(object.labels) ?? true) && (annotations?.matches(object.annotations) ?? true)
    }
}

/// JSON pointers to ignore in drift diffs for the objects a selector matches
/// (`ssa/jsondiff.IgnoreRule`). A path `""` excludes the whole object; no target matches all.
public struct IgnoreRule: Sendable, Equatable {
    public var paths: [String]
    public var target: DiffSelector?

    public init(paths: [String], target: DiffSelector? = nil) {
        self.paths = paths
        self.target = target
    }
}
