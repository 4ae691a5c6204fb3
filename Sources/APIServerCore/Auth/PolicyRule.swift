import StructuredData

/// One RBAC `PolicyRule` and upstream's matching rules (`rbac/v1/evaluation_helpers.go`
/// semantics): `*` matches any verb, group or resource; `*/sub` matches that subresource of any
/// resource; an empty `resourceNames` matches every name; a non-resource URL ending in `*`
/// matches by prefix.
public struct PolicyRule: Sendable, Equatable {
    public var verbs: [String]
    public var apiGroups: [String]
    public var resources: [String]
    public var resourceNames: [String]
    public var nonResourceURLs: [String]

    public init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [],
                nonResourceURLs: [String] = []) {
        self.verbs = verbs
        self.apiGroups = apiGroups
        self.resources = resources
        self.resourceNames = resourceNames
        self.nonResourceURLs = nonResourceURLs
    }

    /// Reads a rule from its JSON form; non-string entries are ignored.
    public init(json: JSONValue) {
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                  resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
    }

    /// The JSON form (empty lists omitted, as the API serializes them).
    public var json: JSONValue {
        var o: JSONObject = [:]
        if !verbs.isEmpty { o["verbs"] = .array(verbs.map(JSONValue.string)) }
        if !apiGroups.isEmpty { o["apiGroups"] = .array(apiGroups.map(JSONValue.string)) }
        if !resources.isEmpty { o["resources"] = .array(resources.map(JSONValue.string)) }
        if !resourceNames.isEmpty { o["resourceNames"] = .array(resourceNames.map(JSONValue.string)) }
        if !nonResourceURLs.isEmpty { o["nonResourceURLs"] = .array(nonResourceURLs.map(JSONValue.string)) }
        return .object(o)
    }

    /// True when this rule allows `attributes`.
    public func allows(_ attributes: RequestAttributes) -> Bool {
        guard verbs.contains("*") || verbs.contains(attributes.verb) else { return false }
        if !attributes.isResourceRequest { return matchesURL(attributes.path) }
        guard apiGroups.contains("*") || apiGroups.contains(attributes.apiGroup) else { return false }
        guard matchesResource(attributes.combinedResource, subresource: attributes.subresource) else { return false }
        return resourceNames.isEmpty || resourceNames.contains(attributes.name)
    }

    /// `NonResourceURLMatches`: a URL of the rule is `path`, or ends in `*` and, with its
    /// trailing stars trimmed, prefixes `path` (`*` alone matches every path).
    func matchesURL(_ path: String) -> Bool {
        nonResourceURLs.contains { url in
            if url == path { return true }
            guard url.hasSuffix("*") else { return false }
            var prefix = Substring(url)
            while prefix.last == "*" { prefix = prefix.dropLast() }
            return path.hasPrefix(prefix)
        }
    }

    func matchesResource(_ combined: String, subresource: String) -> Bool {
        resources.contains { r in
            r == "*" || r == combined || (!subresource.isEmpty && r == "*/" + subresource)
        }
    }
}
