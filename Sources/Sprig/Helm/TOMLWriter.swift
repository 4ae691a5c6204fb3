import GoCompat
import GoTemplate

/// BurntSushi/toml v1.3.2's encoder for the values templates produce: sorted keys, plain
/// keys before tables, nested tables indented by two spaces, floats always with a fraction.
enum TOMLWriter {
    static func encode(_ value: GoValue) -> String {
        guard let entries = value.mapEntries else {
            return "toml: top-level values must be Go maps or structs"
        }
        var out = ""
        write(entries, path: [], indent: "", into: &out)
        return out
    }

    static func write(_ entries: Entries, path: [String], indent: String, into out: inout String) {
        let keys = entries.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for key in keys {
            guard let v = entries[key], !v.isInterfaceNil, v.mapEntries == nil, !isTableArray(v) else { continue }
            out += indent + quoteKey(key) + " = " + scalar(v) + "\n"
        }
        for key in keys {
            guard let v = entries[key] else { continue }
            if let sub = v.mapEntries {
                let full = path + [key]
                out += (out.isEmpty ? "" : "\n") + indent + "[" + full.map(quoteKey).joined(separator: ".") + "]\n"
                write(sub, path: full, indent: path.isEmpty ? "  " : indent + "  ", into: &out)
            } else if isTableArray(v), let items = v.listItems {
                let full = path + [key]
                for item in items {
                    out += (out.isEmpty ? "" : "\n") + indent + "[[" + full.map(quoteKey).joined(separator: ".") + "]]\n"
                    write(item.mapEntries ?? [:], path: full, indent: path.isEmpty ? "  " : indent + "  ", into: &out)
                }
            }
        }
    }

    static func isTableArray(_ v: GoValue) -> Bool {
        guard let items = v.listItems, !items.isEmpty else { return false }
        return items.allSatisfy { $0.mapEntries != nil }
    }

    static func quoteKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        return bare ? key : GoQuote.quote(key)
    }

    static func scalar(_ v: GoValue) -> String {
        switch v.concrete {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i, _): return String(i)
        case .uint(let u, _): return String(u)
        case .float(let f, _):
            if f.isNaN { return "nan" }
            if f.isInfinite { return f < 0 ? "-inf" : "inf" }
            let text = GoFloat.format(f, "f", precision: -1)
            return text.contains(".") ? text : text + ".0"
        case .string(let s): return GoQuote.quote(s)
        case .list(let l): return "[" + l.items.filter { !$0.isInterfaceNil }.map(scalar).joined(separator: ", ") + "]"
        default: return GoQuote.quote(v.strval)
        }
    }
}
