import StructuredData

/// A set of field paths, the structured-merge-diff `fieldpath.Set`, kept as a trie whose edges
/// are path elements in their serialized `fieldsV1` form:
/// `f:<field>` (struct field or map key), `k:<json>` (associative-list item by its keys, a JSON
/// object with sorted keys), `v:<json>` (set member), `i:<n>` (list index).
///
/// A path is a *member* when it was inserted itself; a node may also exist only as the parent of
/// members. `fieldsV1` round-trips exactly: a member with children is written with `".":{}`.
struct FieldSet: Sendable, Hashable {
    /// Elements at this level that are members.
    var members: Set<String> = []
    /// Elements at this level with descendants.
    var children: [String: FieldSet] = [:]

    init() {}

    var isEmpty: Bool { members.isEmpty && children.isEmpty }

    /// True when `path` is a member.
    func contains(_ path: ArraySlice<String>) -> Bool {
        guard let first = path.first else { return false }
        if path.count == 1 { return members.contains(first) }
        return children[first]?.contains(path.dropFirst()) ?? false
    }

    func contains(_ path: [String]) -> Bool { contains(path[...]) }

    /// True when `path` or any path below it is a member.
    func hasMember(atOrBelow path: ArraySlice<String>) -> Bool {
        guard let first = path.first else { return !isEmpty }
        if path.count == 1 {
            return members.contains(first) || !(children[first]?.isEmpty ?? true)
        }
        return children[first]?.hasMember(atOrBelow: path.dropFirst()) ?? false
    }

    /// Adds `path` as a member.
    mutating func insert(_ path: ArraySlice<String>) {
        guard let first = path.first else { return }
        if path.count == 1 {
            members.insert(first)
        } else {
            children[first, default: FieldSet()].insert(path.dropFirst())
        }
    }

    mutating func insert(_ path: [String]) { insert(path[...]) }

    /// Removes `path` as a member (its descendants stay).
    mutating func remove(_ path: ArraySlice<String>) {
        guard let first = path.first else { return }
        if path.count == 1 {
            members.remove(first)
        } else if var child = children[first] {
            child.remove(path.dropFirst())
            children[first] = child.isEmpty ? nil : child
        }
    }

    /// Every member path, in serialization order.
    var paths: [[String]] {
        var out: [[String]] = []
        for element in Self.ordered(Set(members).union(children.keys)) {
            if members.contains(element) { out.append([element]) }
            for sub in children[element]?.paths ?? [] { out.append([element] + sub) }
        }
        return out
    }

    func union(_ other: FieldSet) -> FieldSet {
        var out = self
        out.members.formUnion(other.members)
        for (element, child) in other.children {
            out.children[element] = (out.children[element] ?? FieldSet()).union(child)
        }
        return out
    }

    /// Members of `self` that are not members of `other`.
    func subtracting(_ other: FieldSet) -> FieldSet {
        var out = FieldSet()
        out.members = members.subtracting(other.members)
        for (element, child) in children {
            let rest = other.children[element].map { child.subtracting($0) } ?? child
            if !rest.isEmpty { out.children[element] = rest }
        }
        return out
    }

    /// Members of both sets.
    func intersection(_ other: FieldSet) -> FieldSet {
        var out = FieldSet()
        out.members = members.intersection(other.members)
        for (element, child) in children {
            if let theirs = other.children[element] {
                let both = child.intersection(theirs)
                if !both.isEmpty { out.children[element] = both }
            }
        }
        return out
    }

    /// Path elements in structured-merge-diff order: fields, then keys, values, indexes.
    static func ordered(_ elements: Set<String>) -> [String] {
        func rank(_ e: String) -> Int {
            switch e.first {
            case "f": return 0
            case "k": return 1
            case "v": return 2
            default: return 3
            }
        }
        return elements.sorted { a, b in
            let ra = rank(a), rb = rank(b)
            return ra != rb ? ra < rb : a < b
        }
    }
}

extension FieldSet {
    /// Parses a `fieldsV1` object. Unknown shapes are ignored (never crash on client input).
    init(fieldsV1: JSONValue) {
        self.init()
        guard case .object(let object) = fieldsV1 else { return }
        for (element, value) in object where element != "." {
            let child = FieldSet(fieldsV1: value)
            let isLeaf = value.objectValue?.isEmpty ?? true
            if isLeaf || value["."] != nil { members.insert(element) }
            if !child.isEmpty { children[element] = child }
        }
    }

    /// The `fieldsV1` wire form. Identical sets share one tree: 1,000 Deployments of one chart
    /// hold one copy of their managers' fields rather than 1,000 (see `EncodedFieldSets`).
    var fieldsV1: JSONValue { EncodedFieldSets.shared.encoded(self) }

    /// The `fieldsV1` wire form, built afresh: each level's keys and values in arrays of their
    /// exact size, `"."` first when the level is itself a member.
    func encode(member: Bool = false) -> JSONObject {
        let elements = Self.ordered(members.union(children.keys))
        var keys: [String] = []
        var values: [JSONValue] = []
        keys.reserveCapacity(elements.count + (member ? 1 : 0))
        values.reserveCapacity(keys.capacity)
        if member {
            keys.append(".")
            values.append(.object([:]))
        }
        for element in elements {
            keys.append(element)
            if let child = children[element], !child.isEmpty {
                values.append(.object(child.encode(member: members.contains(element))))
            } else {
                values.append(.object([:]))
            }
        }
        return JSONObject(uncheckedUniqueKeys: keys, values: values)
    }

    /// Element for a struct field or map key.
    static func field(_ name: String) -> String { "f:" + name }

    /// Element for an associative-list item identified by `keys`.
    static func key(_ keys: JSONObject) -> String {
        "k:" + JSONValue.object(keys).serialized(JSONWriteOptions(sortedKeys: true, escapeHTML: false))
    }

    /// Element for a set member.
    static func value(_ value: JSONValue) -> String {
        "v:" + value.serialized(JSONWriteOptions(sortedKeys: true, escapeHTML: false))
    }

    /// A path as structured-merge-diff prints it: `.spec.containers[name="nginx"].image`.
    static func render(_ path: [String]) -> String {
        var out = ""
        for element in path {
            let body = String(element.dropFirst(2))
            switch element.prefix(2) {
            case "f:":
                out += "." + body
            case "k:":
                guard let parsed = try? JSONParser.parse(body), case .object(let keys) = parsed else {
                    out += "[" + body + "]"
                    continue
                }
                let parts = keys.keys.sorted().map { "\($0)=\(keys[$0].map { $0.serialized() } ?? "")" }
                out += "[" + parts.joined(separator: ",") + "]"
            case "v:":
                out += "[=" + body + "]"
            default:
                out += "[" + body + "]"
            }
        }
        return out
    }
}
