import GoCompat
import Yams

/// How `YAML.serialize` orders object keys.
public enum YAMLKeyOrder: Sendable, Equatable {
    /// Keys in the value's own order.
    case preserved
    /// yaml.v2's "natural" order (what `sigs.k8s.io/yaml.Marshal` produces from a Go map).
    case natural
}

extension YAML {
    /// YAML text of one value, byte-for-byte as `sigs.k8s.io/yaml.Marshal` (yaml.v2 v2.4.0 emitter):
    /// block style, 2-space indent, unindented sequences under keys, `{}`/`[]`/`null`, strings
    /// double-quoted when their plain form would resolve to a non-string, literal blocks for
    /// multi-line strings, folding at 80 columns. The result ends with a newline.
    ///
    /// - Throws: `.invalidYAML` for NaN or infinite numbers (`json: unsupported value: NaN`), which
    ///   `sigs.k8s.io/yaml` refuses because it goes through JSON first.
    public static func serialize(_ value: JSONValue, keyOrder: YAMLKeyOrder = .natural) throws(StructuredDataError) -> String {
        let node = try YAMLNodeBuilder(keyOrder: keyOrder).node(for: value)
        do {
            let emitter = Emitter(canonical: false, indent: 2, width: 80, allowUnicode: true, lineBreak: .ln)
            try emitter.open()
            try emitter.serialize(node: node)
            try emitter.close()
            var text = String(decoding: emitter.data, as: UTF8.self)
            // yaml.v2 clears `open_ended` before the stream end, so it never writes the final `...`
            // marker libyaml adds after a keep-chomped (`|+`) block scalar.
            if text.hasSuffix("\n...\n") { text.removeLast(4) }
            return text
        } catch {
            throw StructuredDataError(.invalidYAML, "yaml: \(error)")
        }
    }

    /// Several documents, each serialized as by `serialize` and joined with `---\n`.
    public static func serializeDocuments(_ values: [JSONValue], keyOrder: YAMLKeyOrder = .natural) throws(StructuredDataError) -> String {
        var parts: [String] = []
        for value in values { parts.append(try serialize(value, keyOrder: keyOrder)) }
        return parts.joined(separator: "---\n")
    }
}

/// Builds the Yams node tree with the scalar styles yaml.v2's encoder chooses.
struct YAMLNodeBuilder {
    let keyOrder: YAMLKeyOrder
    // One tag object per kind for the whole document: `Tag.init`'s default `Constructor` is rebuilt on
    // every call, which dominated serialization time.
    let strTag: Tag
    let seqTag: Tag
    let mapTag: Tag

    init(keyOrder: YAMLKeyOrder) {
        self.keyOrder = keyOrder
        let constructor = Constructor.default
        strTag = Tag(.str, .basic, constructor)
        seqTag = Tag(.seq, .basic, constructor)
        mapTag = Tag(.map, .basic, constructor)
    }

    func node(for value: JSONValue) throws(StructuredDataError) -> Node {
        switch value {
        case .null: return plain("null")
        case .bool(let b): return plain(b ? "true" : "false")
        case .int(let i): return plain(String(i))
        case .double(let d): return plain(try Self.numberText(d))
        case .string(let s): return string(s)
        case .array(let items):
            var nodes: [Node] = []
            nodes.reserveCapacity(items.count)
            for item in items { nodes.append(try node(for: item)) }
            return .sequence(.init(nodes, seqTag, .block))
        case .object(let object):
            let keys = keyOrder == .natural ? YAMLNaturalOrder.sorted(Array(object.keys)) : Array(object.keys)
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(keys.count)
            for key in keys {
                guard let child = object[key] else { continue }
                pairs.append((string(key), try node(for: child)))
            }
            return .mapping(.init(pairs, mapTag, .block))
        }
    }

    private func plain(_ text: String) -> Node {
        .scalar(.init(text, strTag, .plain))
    }

    /// A float goes through JSON (`encoding/json` text) and is read back by yaml.v2, so integral
    /// values print as integers and others in Go's shortest `g` form.
    static func numberText(_ d: Double) throws(StructuredDataError) -> String {
        guard let json = GoFloat.jsonString(d) else {
            throw StructuredDataError(.invalidYAML, "json: unsupported value: \(GoFloat.format(d, "g"))")
        }
        switch YAMLScalarResolver.resolve(json) {
        case .int(let i): return String(i)
        case .bigInt(let big): return String(big)
        case .float(let f): return GoFloat.format(f, "g")
        default: return json
        }
    }

    /// yaml.v2's string style: literal when multi-line, plain when it would read back as a string,
    /// double-quoted otherwise (the emitter itself falls back to single quotes when plain is impossible).
    func string(_ s: String) -> Node {
        .scalar(.init(s, strTag, Self.style(for: s)))
    }

    static func style(for s: String) -> Node.Scalar.Style {
        let style: Node.Scalar.Style
        if s.utf8.contains(UInt8(ascii: "\n")) {
            style = .literal
        } else if YAMLScalarResolver.resolve(s) == .string && !isBase60Float(s) {
            style = .plain
        } else {
            style = .doubleQuoted
        }
        return style
    }

    /// yaml.v2's `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    static func isBase60Float(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.contains(UInt8(ascii: ":")) else { return false }
        func digit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count, digit(b[i]) else { return false }
        i += 1
        while i < b.count, digit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]
            if i + 1 < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "5"), digit(b[i + 1]) {
                i += 2
            } else if i < b.count, digit(b[i]) {
                i += 1
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, digit(b[i]) || b[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == b.count
    }
}
