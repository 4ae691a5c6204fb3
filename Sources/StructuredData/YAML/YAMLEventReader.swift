import CYaml

/// A libyaml parse event, copied out of the C structure.
enum YAMLEvent {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias(anchor: String, line: Int)
    case scalar(value: String, tag: String?, plain: Bool, anchor: String?, line: Int)
    case sequenceStart(anchor: String?, line: Int)
    case sequenceEnd
    case mappingStart(anchor: String?, line: Int)
    case mappingEnd
}

/// Pulls events from libyaml (the parser yaml.v2 is a port of) over a UTF-8 buffer.
///
/// Contract: the buffer must outlive the reader; errors are `.invalidYAML` with yaml.v2's wording
/// (`yaml: line N: <problem>`, the line chosen as yaml.v2's `parser.fail` does). A class because
/// libyaml keeps a pointer to its parser structure, which must therefore not move.
final class YAMLEventReader {
    private var parser = yaml_parser_t()

    init(buffer: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    }

    deinit { yaml_parser_delete(&parser) }

    func next() throws(StructuredDataError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw failure() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", line: line)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(s.length)), as: UTF8.self) } ?? ""
            let plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.plain_implicit != 0
            return .scalar(value: value, tag: Self.string(s.tag), plain: plain, anchor: Self.string(s.anchor), line: line)
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), line: line)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), line: line)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default:
            throw StructuredDataError(.invalidYAML, "yaml: attempted to go past the end of stream; corrupted value?")
        }
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    /// yaml.v2 `parser.fail`: the problem line (1-based for scanner errors, as libyaml reports it for
    /// others), else the context line, else no line.
    private func failure() -> StructuredDataError {
        var line = 0
        if parser.problem_mark.line != 0 {
            line = Int(parser.problem_mark.line)
            if parser.error == YAML_SCANNER_ERROR { line += 1 }
        } else if parser.context_mark.line != 0 {
            line = Int(parser.context_mark.line)
        }
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem parsing YAML content"
        let prefix = line != 0 ? "yaml: line \(line): " : "yaml: "
        return StructuredDataError(.invalidYAML, prefix + problem)
    }
}
