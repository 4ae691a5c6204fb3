import Synchronization

/// The served resource types: built-ins plus those CRDs add. Safe to use from any task.
public final class ResourceRegistry: Sendable {
    private struct State {
        var types: [ResourceType]
        /// Custom types by CRD name (`<plural>.<group>`).
        var custom: [String: [ResourceType]] = [:]
        /// Bumped on every change of `types`.
        var generation = 0
    }
    private let state: Mutex<State>

    /// A registry holding the built-in types.
    public init() {
        state = Mutex(State(types: BuiltinResources.all))
    }

    /// Every served type, built-ins first, then custom types in registration order.
    public var all: [ResourceType] { state.withLock { $0.types } }

    /// Every served type with a generation number that changes whenever the set changes, read
    /// together (caches of derived data compare generations).
    var versionedTypes: (generation: Int, types: [ResourceType]) { state.withLock { ($0.generation, $0.types) } }

    /// The type served at `/apis/<group>/<version>/<plural>` (or `/api/v1/<plural>`).
    public func lookup(group: String, version: String, plural: String) -> ResourceType? {
        state.withLock { s in s.types.first { $0.group == group && $0.version == version && $0.plural == plural } }
    }

    /// Any served version of `resource` (storage is version-independent).
    public func lookup(_ resource: QualifiedResource) -> ResourceType? {
        state.withLock { s in s.types.first { $0.group == resource.group && $0.plural == resource.resource } }
    }

    /// The type with this group and kind, any version.
    public func lookup(group: String, kind: String) -> ResourceType? {
        state.withLock { s in s.types.first { $0.group == group && $0.kind == kind } }
    }

    /// The types of one group-version, in registration order.
    public func types(group: String, version: String) -> [ResourceType] {
        state.withLock { s in s.types.filter { $0.group == group && $0.version == version } }
    }

    /// Named groups (not the core group) with their versions, in first-registration order.
    public var groups: [(name: String, versions: [String])] {
        state.withLock { s in
            var out: [(name: String, versions: [String])] = []
            for t in s.types where !t.group.isEmpty {
                if let i = out.firstIndex(where: { $0.name == t.group }) {
                    if !out[i].versions.contains(t.version) { out[i].versions.append(t.version) }
                } else {
                    out.append((t.group, [t.version]))
                }
            }
            return out.map { ($0.name, $0.versions.sorted(by: Self.versionPriority)) }
        }
    }

    /// Serves (or re-serves) the types a CRD defines.
    public func register(crd name: String, types: [ResourceType]) {
        state.withLock { s in
            s.types.removeAll { t in s.custom[name]?.contains(t) ?? false }
            s.custom[name] = types
            s.types.append(contentsOf: types)
            s.generation += 1
        }
    }

    /// Stops serving a CRD's types.
    public func unregister(crd name: String) {
        state.withLock { s in
            guard let old = s.custom.removeValue(forKey: name) else { return }
            s.types.removeAll { old.contains($0) }
            s.generation += 1
        }
    }

    /// Kubernetes version ordering: GA before beta before alpha, higher numbers first.
    static func versionPriority(_ a: String, _ b: String) -> Bool {
        func rank(_ v: String) -> (Int, Int, Int) {
            guard v.hasPrefix("v") else { return (3, 0, 0) }
            let body = v.dropFirst()
            let major = Int(body.prefix { $0.isNumber }) ?? 0
            let rest = body.drop { $0.isNumber }
            if rest.isEmpty { return (0, -major, 0) }
            if rest.hasPrefix("beta") { return (1, -major, -(Int(rest.dropFirst(4)) ?? 0)) }
            if rest.hasPrefix("alpha") { return (2, -major, -(Int(rest.dropFirst(5)) ?? 0)) }
            return (3, 0, 0)
        }
        let ra = rank(a), rb = rank(b)
        return ra != rb ? ra < rb : a < b
    }
}
