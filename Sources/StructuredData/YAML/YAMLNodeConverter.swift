import Foundation
import GoCompat
import Yams

/// Converts a Yams `Node` tree (composed without Yams' own scalar resolution) to `JSONValue`
/// following yaml.v2 + `sigs.k8s.io/yaml` rules.
struct YAMLNodeConverter {
    /// Tag given to untagged plain scalars, so they can be told apart from `!!str`-tagged ones.
    static let plainTag = Tag.Name(rawValue: "tag:swiftflux.dev,2024:plain")
    static let resolver: Resolver = (try? Resolver.basic.appending(plainTag, "^")) ?? .basic

    /// Maximum nesting depth and maximum number of converted nodes (guards alias bombs).
    static let maxDepth = 1000
    static let maxNodes = 5_000_000

    private var converted = 0

    /// The scalar's tag after resolution (untagged plain scalars get `plainTag`).
    static func tagName(_ scalar: Node.Scalar) -> Tag.Name {
        Tag.Name(rawValue: Node.scalar(scalar).tag.description)
    }

    static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.string.isEmpty && tagName(s) == plainTag
    }

    mutating func convert(_ node: Node, depth: Int = 0) throws(StructuredDataError) -> JSONValue {
        converted += 1
        if converted > Self.maxNodes {
            throw StructuredDataError(.invalidYAML, "yaml: document contains excessive aliasing")
        }
        if depth > Self.maxDepth {
            throw StructuredDataError(.invalidYAML, "yaml: exceeded max depth of \(Self.maxDepth)")
        }
        switch node {
        case .scalar(let scalar):
            return try Self.scalarValue(scalar)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            items.reserveCapacity(sequence.count)
            for child in sequence { items.append(try convert(child, depth: depth + 1)) }
            return .array(items)
        case .mapping(let mapping):
            var object = JSONObject()
            try fill(&object, from: mapping, depth: depth)
            return .object(object)
        case .alias:
            throw StructuredDataError(.invalidYAML, "yaml: unknown anchor referenced")
        }
    }

    private mutating func fill(_ object: inout JSONObject, from mapping: Node.Mapping, depth: Int) throws(StructuredDataError) {
        for (key, value) in mapping {
            if Self.isMergeKey(key) {
                try merge(into: &object, value, depth: depth)
                continue
            }
            let name = try Self.keyString(key)
            object[name] = try convert(value, depth: depth + 1)
        }
    }

    /// yaml.v2 merge: a mapping's pairs are set over the keys so far; a sequence of mappings is merged
    /// last-to-first, so earlier mappings win.
    private mutating func merge(into object: inout JSONObject, _ value: Node, depth: Int) throws(StructuredDataError) {
        let failure = StructuredDataError(.invalidYAML, "yaml: map merge requires map or sequence of maps as the value")
        switch value {
        case .mapping(let mapping):
            try fill(&object, from: mapping, depth: depth + 1)
        case .sequence(let sequence):
            for item in sequence.reversed() {
                guard case .mapping(let mapping) = item else { throw failure }
                try fill(&object, from: mapping, depth: depth + 1)
            }
        default:
            throw failure
        }
    }

    static func isMergeKey(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        if tagName(s) == .merge { return true }
        return tagName(s) == plainTag && s.string == "<<"
    }

    /// `sigs.k8s.io/yaml`'s key stringification: ints in decimal, floats as `FormatFloat(f, 'g', -1, 32)`,
    /// bools as `true`/`false`; null and collection keys are unsupported.
    static func keyString(_ node: Node) throws(StructuredDataError) -> String {
        guard case .scalar(let scalar) = node else {
            let line = node.mark?.line ?? 0
            throw StructuredDataError(.invalidYAML, "error converting YAML to JSON: yaml: line \(line): invalid map key: a key must be a scalar")
        }
        switch try scalarValue(scalar) {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d):
            if case .bigInt(let big) = try typedScalar(scalar) { return String(UInt64(big)) }
            switch GoFloat.format(d, "g", precision: -1, bitSize: 32) {
            case "+Inf": return ".inf"
            case "-Inf": return "-.inf"
            case "NaN": return ".nan"
            case let s: return s
            }
        case .bool(let b): return b ? "true" : "false"
        default:
            throw StructuredDataError(.invalidYAML, "error converting YAML to JSON: Unsupported map key of type: %!s(<nil>), key: <nil>")
        }
    }
}
