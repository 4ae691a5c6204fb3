import GoCompat

/// Builds `JSONValue` documents from libyaml events with yaml.v2 + `sigs.k8s.io/yaml` semantics:
/// plain scalars resolved as YAML 1.1, keys stringified, anchors/aliases expanded, merge keys (`<<`)
/// applied (a mapping's keys are set over the keys so far; a sequence of mappings is merged
/// last-to-first), duplicate keys allowed (the last value wins, as yaml.v2 in non-strict mode).
struct YAMLComposer {
    static let maxDepth = 1000
    /// Upper bound on nodes produced, counting each alias as the size of its anchored node.
    static let maxExpandedNodes = 10_000_000

    private let reader: YAMLEventReader
    private var anchors: [String: (value: JSONValue, size: Int)] = [:]
    private var produced = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
        reader = YAMLEventReader(buffer: buffer)
    }

    /// Reads the next document; `nil` at the end of the stream. `isEmpty` tells whether the document
    /// had no content (an empty plain scalar), like the one a trailing `---` opens.
    mutating func nextDocument() throws(StructuredDataError) -> (value: JSONValue, isEmpty: Bool)? {
        var event = try reader.next()
        if case .streamStart = event { event = try reader.next() }
        switch event {
        case .streamEnd: return nil
        case .documentStart: break
        default: throw StructuredDataError(.invalidYAML, "yaml: did not find expected <document start>")
        }
        anchors = [:]
        let first = try reader.next()
        var isEmpty = false
        if case let .scalar(value, tag, plain, anchor, _) = first, value.isEmpty, tag == nil, plain, anchor == nil {
            isEmpty = true
        }
        let value = try node(first, depth: 0)
        guard case .documentEnd = try reader.next() else {
            throw StructuredDataError(.invalidYAML, "yaml: did not find expected <document end>")
        }
        return (value, isEmpty)
    }

    private mutating func count(_ n: Int) throws(StructuredDataError) {
        produced += n
        if produced > Self.maxExpandedNodes {
            throw StructuredDataError(.invalidYAML, "yaml: document contains excessive aliasing")
        }
    }

    private mutating func node(_ event: YAMLEvent, depth: Int) throws(StructuredDataError) -> JSONValue {
        if depth > Self.maxDepth {
            throw StructuredDataError(.invalidYAML, "yaml: exceeded max depth of \(Self.maxDepth)")
        }
        let start = produced
        try count(1)
        switch event {
        case let .scalar(value, tag, plain, anchor, line):
            let result = try YAMLScalar.value(value, tag: tag, plain: plain, line: line)
            if let anchor { anchors[anchor] = (result, 1) }
            return result
        case let .alias(anchor, _):
            guard let target = anchors[anchor] else {
                throw StructuredDataError(.invalidYAML, "yaml: unknown anchor '\(anchor)' referenced")
            }
            try count(target.size)
            return target.value
        case let .sequenceStart(anchor, _):
            var items: [JSONValue] = []
            while true {
                let next = try reader.next()
                if case .sequenceEnd = next { break }
                items.append(try node(next, depth: depth + 1))
            }
            let result = JSONValue.array(items)
            if let anchor { anchors[anchor] = (result, produced - start) }
            return result
        case let .mappingStart(anchor, _):
            var object = JSONObject()
            while true {
                let keyEvent = try reader.next()
                if case .mappingEnd = keyEvent { break }
                let isMerge: Bool
                if case let .scalar(value, tag, plain, _, _) = keyEvent {
                    isMerge = value == "<<" && (plain || tag == YAMLScalar.mergeTag)
                } else {
                    isMerge = false
                }
                let key = isMerge ? nil : try keyString(keyEvent, depth: depth)
                let value = try node(try reader.next(), depth: depth + 1)
                if let key {
                    object[key] = value
                } else {
                    try merge(value, into: &object)
                }
            }
            let result = JSONValue.object(object)
            if let anchor { anchors[anchor] = (result, produced - start) }
            return result
        default:
            throw StructuredDataError(.invalidYAML, "yaml: did not find expected node content")
        }
    }

    private func merge(_ value: JSONValue, into object: inout JSONObject) throws(StructuredDataError) {
        let failure = StructuredDataError(.invalidYAML, "yaml: map merge requires map or sequence of maps as the value")
        switch value {
        case .object(let source):
            for (k, v) in source { object[k] = v }
        case .array(let items):
            for item in items.reversed() {
                guard case .object(let source) = item else { throw failure }
                for (k, v) in source { object[k] = v }
            }
        default:
            throw failure
        }
    }

    /// `sigs.k8s.io/yaml` key stringification: strings as is, ints in decimal, floats as
    /// `FormatFloat(f, 'g', -1, 32)`, bools as `true`/`false`; null and collection keys are errors.
    private mutating func keyString(_ event: YAMLEvent, depth: Int) throws(StructuredDataError) -> String {
        let value: JSONValue
        switch event {
        case let .scalar(text, tag, plain, anchor, line):
            let resolved = try YAMLScalar.resolved(text, tag: tag, plain: plain, line: line)
            if case .bigInt(let big) = resolved { return String(big) }
            value = try YAMLScalar.value(text, tag: tag, plain: plain, line: line)
            if let anchor { anchors[anchor] = (value, 1) }
        case .alias:
            value = try node(event, depth: depth + 1)
        case let .mappingStart(_, line), let .sequenceStart(_, line):
            _ = try node(event, depth: depth + 1)
            throw StructuredDataError(.invalidYAML, "error converting YAML to JSON: yaml: line \(line): invalid map key: a key must be a scalar")
        default:
            throw StructuredDataError(.invalidYAML, "yaml: did not find expected key")
        }
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d):
            switch GoFloat.format(d, "g", precision: -1, bitSize: 32) {
            case "+Inf": return ".inf"
            case "-Inf": return "-.inf"
            case "NaN": return ".nan"
            case let s: return s
            }
        case .bool(let b): return b ? "true" : "false"
        case .null:
            throw StructuredDataError(.invalidYAML, "error converting YAML to JSON: Unsupported map key of type: %!s(<nil>), key: <nil>")
        default:
            throw StructuredDataError(.invalidYAML, "error converting YAML to JSON: invalid map key: a key must be a scalar")
        }
    }
}
