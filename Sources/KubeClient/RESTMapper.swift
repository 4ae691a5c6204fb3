import KubeModel
import StructuredData

/// Maps kinds to resources from discovery, refreshing a group-version when a lookup misses
/// (so CRDs created after start-up are found), like client-go's deferred discovery mapper.
public actor RESTMapper {
    private var byGVK: [GroupVersionKind: APIResource] = [:]
    private var loaded: Set<GroupVersion> = []

    public init() {}

    /// Registers resources directly (tests, or static knowledge of built-ins).
    public func register(_ resources: [APIResource]) {
        for r in resources { byGVK[r.gvk] = r }
    }

    /// The cached mapping, without I/O.
    public func cached(_ gvk: GroupVersionKind) -> APIResource? { byGVK[gvk] }

    /// Stores one discovery document (`APIResourceList`) for `gv`.
    public func store(_ list: JSONValue, for gv: GroupVersion) {
        loaded.insert(gv)
        for r in Discovery.resources(from: list, groupVersion: gv) { byGVK[r.gvk] = r }
    }

    /// Every cached resource.
    public func all() -> [APIResource] { Array(byGVK.values) }

    /// Forgets everything (the next lookups rediscover).
    public func reset() {
        byGVK = [:]
        loaded = []
    }
}

/// Discovery documents and their decoding.
public enum Discovery {
    /// `/api/v1` or `/apis/<group>/<version>`.
    public static func path(for gv: GroupVersion) -> String {
        gv.group.isEmpty ? "/api/\(gv.version)" : "/apis/\(gv.group)/\(gv.version)"
    }

    /// The top-level resources of an `APIResourceList` (subresources such as `deployments/status` skipped).
    public static func resources(from list: JSONValue, groupVersion gv: GroupVersion) -> [APIResource] {
        (list["resources"]?.arrayValue ?? []).compactMap { r in
            guard let name = r["name"]?.stringValue, !name.contains("/"), let kind = r["kind"]?.stringValue else { return nil }
            return APIResource(group: r["group"]?.stringValue ?? gv.group, version: r["version"]?.stringValue ?? gv.version,
                               resource: name, kind: kind, namespaced: r["namespaced"]?.boolValue ?? false,
                               verbs: (r["verbs"]?.arrayValue ?? []).compactMap(\.stringValue),
                               shortNames: (r["shortNames"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
    }

    /// The group-versions listed by `/api` (`APIVersions`) and `/apis` (`APIGroupList`).
    public static func groupVersions(core: JSONValue, groups: JSONValue) -> [GroupVersion] {
        var out = (core["versions"]?.arrayValue ?? []).compactMap(\.stringValue).map { GroupVersion(group: "", version: $0) }
        for g in groups["groups"]?.arrayValue ?? [] {
            for v in g["versions"]?.arrayValue ?? [] {
                if let text = v["groupVersion"]?.stringValue, let gv = try? GroupVersion.parse(text) { out.append(gv) }
            }
        }
        return out
    }
}

extension KubeClient {
    /// The resource serving `gvk`; on a cache miss the group-version is (re)discovered once.
    /// - Throws: `.invalidRequest("no matches for kind \"K\" in version \"g/v\"")` when the server does not serve it.
    public func resource(for gvk: GroupVersionKind) async throws(KubeClientError) -> APIResource {
        if let hit = await mapper.cached(gvk) { return hit }
        let gv = gvk.groupVersion
        do {
            let list = try await send(KubeRequest(method: "GET", path: Discovery.path(for: gv), headers: KubeRequest.jsonHeaders))
            await mapper.store(list, for: gv)
        } catch let error where error.isNotFound {
            // The group-version is not served at all.
        }
        if let hit = await mapper.cached(gvk) { return hit }
        throw .invalidRequest("no matches for kind \"\(gvk.kind)\" in version \"\(gv)\"")
    }

    /// Resolves a kubectl-style name (`deployments`, `deployment`, `deploy`, `Deployment`,
    /// `deployments.apps`, `deployments.v1.apps`) from full discovery; the core group and then the
    /// group's first listed version win, as kubectl prefers.
    /// - Throws: `.invalidRequest("the server doesn't have a resource type \"x\"")` when nothing matches.
    public func resource(named name: String) async throws(KubeClientError) -> APIResource {
        let all = try await discoverAll()
        let lower = name.lowercased()
        let parts = lower.split(separator: ".", maxSplits: 2).map(String.init)
        func matchesName(_ r: APIResource, _ n: String) -> Bool {
            r.resource == n || r.kind.lowercased() == n || r.shortNames.contains(n)
        }
        let candidates = all.filter { r in
            if matchesName(r, lower) { return true }
            guard parts.count >= 2, matchesName(r, parts[0]) else { return false }
            let rest = lower.dropFirst(parts[0].count + 1)
            return r.group == rest || "\(r.version).\(r.group)" == rest
        }
        if let core = candidates.first(where: { $0.group.isEmpty }) { return core }
        if let first = candidates.first { return first }
        throw .invalidRequest("the server doesn't have a resource type \"\(name)\"")
    }

    /// Every served resource, from `/api`, `/apis` and each group-version.
    public func discoverAll() async throws(KubeClientError) -> [APIResource] {
        let core = try await send(KubeRequest(method: "GET", path: "/api", headers: KubeRequest.jsonHeaders))
        let groups = try await send(KubeRequest(method: "GET", path: "/apis", headers: KubeRequest.jsonHeaders))
        var all: [APIResource] = []
        for gv in Discovery.groupVersions(core: core, groups: groups) {
            let list = try await send(KubeRequest(method: "GET", path: Discovery.path(for: gv), headers: KubeRequest.jsonHeaders))
            await mapper.store(list, for: gv)
            all += Discovery.resources(from: list, groupVersion: gv)
        }
        return all
    }
}
