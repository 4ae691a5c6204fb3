import CYaml
import GoCompat
import StructuredData

/// Reads resource YAML as kyaml (over `gopkg.in/yaml.v3`) reads it, into `JSONValue`s.
///
/// The differences from `StructuredData.YAML` (yaml.v2, for Helm) are the ones that show in
/// `kustomize build` output: YAML 1.2-style booleans (`yes`/`on` stay strings), duplicate mapping
/// keys are an error, and empty documents are skipped. Anchors, aliases and merge keys are expanded.
/// Comments are dropped (kustomize's output goes through JSON, which has none).
enum KYAMLReader {
    /// Documents of a multi-document stream, empty ones skipped. Bounded: at most `maxNodes`
    /// nodes (aliases counted expanded) over the whole stream.
    static func documents(_ bytes: [UInt8], maxNodes: Int = 20_000_000) throws(KustomizeError) -> [JSONValue] {
        var copy = bytes
        return try copy.withUnsafeMutableBufferPointer { (buffer) throws(KustomizeError) -> [JSONValue] in
            let composer = KYAMLComposer(buffer: UnsafeBufferPointer(buffer), maxNodes: maxNodes)
            var result: [JSONValue] = []
            while let doc = try composer.nextDocument() {
                if case .null = doc { continue }
                result.append(doc)
            }
            return result
        }
    }

    /// The first document of a text (`.null` when empty).
    static func document(_ text: String) throws(KustomizeError) -> JSONValue {
        try documents(Array(text.utf8)).first ?? .null
    }
}

/// Pulls libyaml events and builds values with yaml.v3's resolution rules. A class because
/// libyaml keeps pointers into its parser structure; the buffer must outlive it.
final class KYAMLComposer {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private var anchors: [String: (value: JSONValue, size: Int)] = [:]
    private var produced = 0
    private let maxNodes: Int

    init(buffer: UnsafeBufferPointer<UInt8>, maxNodes: Int) {
        self.maxNodes = maxNodes
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias(String)
        case scalar(value: String, tag: String?, plain: Bool, anchor: String?, line: Int)
        case sequenceStart(anchor: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, line: Int)
        case mappingEnd
    }

    private func next() throws(KustomizeError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw failure() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        func str(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? { p.map { String(cString: $0) } }
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(str(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self) } ?? ""
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE
            return .scalar(value: value, tag: str(s.tag), plain: plain, anchor: str(s.anchor), line: line)
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: str(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: str(event.data.mapping_start.anchor), line: line)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: throw KustomizeError(.malformedYAML, "yaml: unexpected event")
        }
    }

    private func failure() -> KustomizeError {
        let p = parser.pointee
        // yaml.v3's parser.fail: the context line, else the problem line (scanner errors one on).
        var line = 0
        let scanner = p.error == YAML_SCANNER_ERROR ? 1 : 0
        if p.context_mark.line != 0 {
            line = Int(p.context_mark.line) + scanner
        } else if p.problem_mark.line != 0 {
            line = Int(p.problem_mark.line) + scanner
        }
        let problem = p.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        return KustomizeError(.malformedYAML, line != 0 ? "yaml: line \(line): \(problem)" : "yaml: \(problem)")
    }

    func nextDocument() throws(KustomizeError) -> JSONValue? {
        var event = try next()
        if case .streamStart = event { event = try next() }
        switch event {
        case .streamEnd:
            return nil
        case .documentStart: break
        default: throw KustomizeError(.malformedYAML, "yaml: did not find expected <document start>")
        }
        anchors = [:]
        let value = try node(try next(), depth: 0)
        guard case .documentEnd = try next() else {
            throw KustomizeError(.malformedYAML, "yaml: did not find expected <document end>")
        }
        return value
    }

    private func count(_ n: Int) throws(KustomizeError) {
        produced += n
        if produced > maxNodes {
            throw KustomizeError(.limit, "yaml: document contains excessive aliasing")
        }
    }

    private func node(_ event: Event, depth: Int) throws(KustomizeError) -> JSONValue {
        if depth > 1000 { throw KustomizeError(.limit, "yaml: exceeded max depth of 1000") }
        let start = produced
        try count(1)
        switch event {
        case let .scalar(value, tag, plain, anchor, line):
            let result = try KYAMLScalar.value(value, tag: tag, plain: plain, line: line)
            if let anchor { anchors[anchor] = (result, 1) }
            return result
        case let .alias(anchor):
            guard let target = anchors[anchor] else {
                throw KustomizeError(.malformedYAML, "yaml: unknown anchor '\(anchor)' referenced")
            }
            try count(target.size)
            return target.value
        case let .sequenceStart(anchor):
            var items: [JSONValue] = []
            while true {
                let next = try next()
                if case .sequenceEnd = next { break }
                items.append(try node(next, depth: depth + 1))
            }
            if let anchor { anchors[anchor] = (.array(items), produced - start) }
            return .array(items)
        case let .mappingStart(anchor, _):
            var object = JSONObject()
            var lines: [String: Int] = [:]
            var merged = Set<String>()
            while true {
                let keyEvent = try next()
                if case .mappingEnd = keyEvent { break }
                var isMerge = false
                var keyLine = 0
                if case let .scalar(value, tag, plain, _, line) = keyEvent {
                    isMerge = value == "<<" && (plain || tag == "tag:yaml.org,2002:merge")
                    keyLine = line
                }
                if isMerge {
                    let value = try node(try next(), depth: depth + 1)
                    for (k, v) in try Self.mergeSources(value) where object[k] == nil || merged.contains(k) {
                        object[k] = v
                        merged.insert(k)
                    }
                    continue
                }
                let key = try keyString(keyEvent, depth: depth)
                if let first = lines[key] {
                    throw KustomizeError(.malformedYAML, "yaml: line \(keyLine): mapping key \"\(key)\" already defined at line \(first)")
                }
                lines[key] = keyLine
                merged.remove(key)
                object[key] = try node(try next(), depth: depth + 1)
            }
            if let anchor { anchors[anchor] = (.object(object), produced - start) }
            return .object(object)
        default:
            throw KustomizeError(.malformedYAML, "yaml: did not find expected node content")
        }
    }

    private static func mergeSources(_ value: JSONValue) throws(KustomizeError) -> [(String, JSONValue)] {
        let failure = KustomizeError(.malformedYAML, "yaml: map merge requires map or sequence of maps as the value")
        switch value {
        case .object(let o): return o.map { ($0.key, $0.value) }
        case .array(let items):
            var out: [(String, JSONValue)] = []
            var seen = Set<String>()
            for item in items {
                guard case .object(let o) = item else { throw failure }
                for (k, v) in o where seen.insert(k).inserted { out.append((k, v)) }
            }
            return out
        default: throw failure
        }
    }

    private func keyString(_ event: Event, depth: Int) throws(KustomizeError) -> String {
        switch event {
        case let .scalar(text, _, _, anchor, _):
            if let anchor { anchors[anchor] = (.string(text), 1) }
            return text
        case .alias:
            let v = try node(event, depth: depth + 1)
            if case .string(let s) = v { return s }
            return v.serialized()
        default:
            _ = try node(event, depth: depth + 1)
            throw KustomizeError(.malformedYAML, "yaml: invalid map key: a key must be a scalar")
        }
    }
}
