import Foundation
import StructuredData

/// ConfigMap and Secret generation (kustomize's `configMapGenerator`/`secretGenerator`).
enum Generators {
    /// Builds the resource for one generator entry.
    static func make(_ args: GeneratorArgs, secret: Bool, loader: Loader) throws(KustomizeError) -> Resource {
        if args.name.isEmpty { throw KustomizeError(.invalid, "a configmap must have a name") }
        var o = JSONObject()
        o["apiVersion"] = "v1"
        o["kind"] = .string(secret ? "Secret" : "ConfigMap")
        var meta = JSONObject()
        meta["name"] = .string(args.name)
        if !args.namespace.isEmpty { meta["namespace"] = .string(args.namespace) }
        o["metadata"] = .object(meta)
        if secret { o["type"] = .string(args.type.isEmpty ? "Opaque" : args.type) }

        let pairs: [(String, [UInt8])]
        do {
            pairs = try loadPairs(args, loader: loader)
        } catch {
            throw error.prefixed("loading KV pairs")
        }
        var known = Set<String>()
        var sorted: [(String, [UInt8])] = []
        for (k, v) in pairs {
            try validateKey(k)
            if !known.insert(k).inserted {
                throw KustomizeError(.invalid, "configmap \(args.name) illegally repeats the key `\(k)`")
            }
            sorted.append((k, v))
        }
        sorted.sort { $0.0 < $1.0 }
        if secret {
            var data = JSONObject()
            for (k, v) in sorted { data[k] = .string(base64(v)) }
            o["data"] = .object(data)
        } else {
            var data = JSONObject()
            var binary = JSONObject()
            for (k, v) in sorted {
                if let text = String(validatingUTF8Bytes: v) { data[k] = .string(text) } else { binary[k] = .string(base64(v)) }
            }
            if !data.isEmpty { o["data"] = .object(data) }
            if !binary.isEmpty { o["binaryData"] = .object(binary) }
        }
        var r = Resource(o)
        if let opts = args.options {
            var meta = r.metadata
            if !opts.labels.isEmpty {
                var labels = JSONObject()
                for k in opts.labels.keys.sorted() { labels[k] = .string(opts.labels[k] ?? "") }
                meta["labels"] = .object(labels)
            }
            if !opts.annotations.isEmpty {
                var annotations = JSONObject()
                for k in opts.annotations.keys.sorted() { annotations[k] = .string(opts.annotations[k] ?? "") }
                meta["annotations"] = .object(annotations)
            }
            r.object["metadata"] = .object(meta)
            if opts.immutable { r.object["immutable"] = .bool(true) }
        }
        r.needsHash = !(args.options?.disableNameSuffixHash ?? false)
        r.behavior = args.behavior.isEmpty ? "create" : args.behavior
        return r
    }

    private static func loadPairs(_ args: GeneratorArgs, loader: Loader) throws(KustomizeError) -> [(String, [UInt8])] {
        var all: [(String, [UInt8])] = []
        for path in args.envs {
            let content: [UInt8]
            do { content = try loader.load(path) } catch { throw error.prefixed("env source files: [\(args.envs.joined(separator: " "))]") }
            all += try envPairs(content)
        }
        for literal in args.literals {
            guard let eq = literal.firstIndex(of: "="), eq != literal.startIndex else {
                throw KustomizeError(.invalid, "literal sources [\(args.literals.joined(separator: " "))]: invalid literal source \(literal), expected key=value")
            }
            let key = String(literal[..<eq])
            var value = String(literal[literal.index(after: eq)...])
            if value.count >= 2, let f = value.first, f == value.last, f == "\"" || f == "'" {
                value = String(value.dropFirst().dropLast())
            }
            all.append((key, Array(value.utf8)))
        }
        for source in args.files {
            let (key, path) = try parseFileSource(source)
            let content: [UInt8]
            do { content = try loader.load(path) } catch { throw error.prefixed("file sources: [\(args.files.joined(separator: " "))]") }
            all.append((key, content))
        }
        return all
    }

    static func parseFileSource(_ source: String) throws(KustomizeError) -> (String, String) {
        let n = source.filter { $0 == "=" }.count
        if n == 0 { return (KustomizePath.base(source), source) }
        if n == 1, source.hasPrefix("=") {
            throw KustomizeError(.invalid, "missing key name for file path \"\(source.dropFirst())\" in source \"\(source)\"")
        }
        if n == 1, source.hasSuffix("=") {
            throw KustomizeError(.invalid, "missing file path for key name \"\(source.dropLast())\" in source \"\(source)\"")
        }
        if n > 1 { throw KustomizeError(.invalid, "source \"\(source)\" key name or file path contains '='") }
        let parts = source.split(separator: "=", omittingEmptySubsequences: false)
        return (String(parts[0]), String(parts[1]))
    }

    /// `KEY=VALUE` lines; blank lines and `#` comments skipped, a leading BOM dropped.
    static func envPairs(_ content: [UInt8]) throws(KustomizeError) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        var bytes = content[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let text = String(validatingUTF8Bytes: Array(line)) else {
                throw KustomizeError(.invalid, "line has invalid utf8 bytes")
            }
            let trimmed = text.drop(while: { $0.isWhitespace })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let key: String
            var value = ""
            if let eq = trimmed.firstIndex(of: "=") {
                key = String(trimmed[..<eq])
                value = String(trimmed[trimmed.index(after: eq)...])
            } else {
                key = String(trimmed)
            }
            try validateEnvName(key)
            out.append((key, Array(value.utf8)))
        }
        return out
    }

    private static func validateEnvName(_ key: String) throws(KustomizeError) {
        let ok = !key.isEmpty && key.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-" || c == "."
        } && !(key.first?.isNumber ?? false)
        if !ok {
            throw KustomizeError(.invalid, "\"\(key)\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit")
        }
    }

    /// Kubernetes' ConfigMap key rule: `[-._a-zA-Z0-9]+`, at most 253 characters, not `.`/`..`.
    private static func validateKey(_ key: String) throws(KustomizeError) {
        let ok = !key.isEmpty && key.count <= 253 && key != "." && key != ".." && key.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "-" || c == "."
        }
        if !ok {
            throw KustomizeError(.invalid, "\"\(key)\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
        }
    }

    /// Standard base64, wrapped every 70 characters with a newline after each line when longer.
    static func base64(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString()
        if encoded.count < 70 { return encoded }
        var out = ""
        var i = encoded.startIndex
        while i < encoded.endIndex {
            let j = encoded.index(i, offsetBy: 70, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out += encoded[i..<j]
            out += "\n"
            i = j
        }
        return out
    }
}

extension String {
    /// The text of `bytes` when they are valid UTF-8; nil otherwise.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var result = ""
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): result.unicodeScalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = result
    }
}
