import StructuredData

/// Helm's `releaseutil.SortManifests`: splits rendered files into documents, separates hooks
/// from manifests, and sorts both by kind.
public enum ManifestSorter {
    /// Sorts `files` (template path → rendered text). Partials and whitespace-only files are
    /// skipped; files are visited in byte order and documents in file order. Throws
    /// `HelmError` (`YAML parse error on <file>: …`) when a document's head does not parse.
    public static func sort(_ files: [(name: String, content: String)],
                            order: [String] = KindSortOrder.install) throws(HelmError) -> (hooks: [Hook], manifests: [Manifest]) {
        var hooks: [Hook] = []
        var manifests: [Manifest] = []
        let sortedFiles = files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for file in sortedFiles {
            if ChartLoader.lastComponent(file.name).hasPrefix("_") { continue }
            if file.content.goTrimmingSpace().isEmpty { continue }
            for document in splitManifests(file.content) {
                let head = try parseHead(document, path: file.name)
                guard let hookValue = head.annotations["helm.sh/hook"] else {
                    manifests.append(Manifest(name: file.name, content: document, kind: head.kind,
                                              apiVersion: head.apiVersion, metadataName: head.name))
                    continue
                }
                var events: [Hook.Event] = []
                var unknown = false
                for part in hookValue.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let event = Hook.Event.parse(String(part).goTrimmingSpace().lowercased()) else {
                        unknown = true
                        break
                    }
                    events.append(event)
                }
                if unknown { continue }
                var policies: [String] = []
                if let value = head.annotations["helm.sh/hook-delete-policy"] {
                    for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                        policies.append(String(part).goTrimmingSpace().lowercased())
                    }
                }
                let weight = head.annotations["helm.sh/hook-weight"].flatMap { StrVals.parseInt64($0) }.flatMap { Int(exactly: $0) } ?? 0
                hooks.append(Hook(name: head.name, kind: head.kind, path: file.name, manifest: document,
                                  events: events, weight: weight, deletePolicies: policies))
            }
        }
        return (KindSortOrder.sorted(hooks, kind: \.kind, order: order),
                KindSortOrder.sorted(manifests, kind: \.kind, order: order))
    }

    struct Head {
        var apiVersion = ""
        var kind = ""
        var name = ""
        var annotations: [String: String] = [:]
    }

    static func parseHead(_ document: String, path: String) throws(HelmError) -> Head {
        let value: JSONValue
        do { value = try YAML.parse(document) } catch {
            throw HelmError(.render, "YAML parse error on \(path): error converting YAML to JSON: \(error.message)")
        }
        var head = Head()
        guard case .object(let object) = value else {
            if value.isNull { return head }
            throw HelmError(.render, "YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(value.goJSONTypeName) into Go value of type releaseutil.SimpleHead")
        }
        func text(_ v: JSONValue?, _ field: String) throws(HelmError) -> String {
            guard let v, !v.isNull else { return "" }
            if let s = v.yamlScalarString { return s }
            throw HelmError(.render, "YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(v.goJSONTypeName) into Go struct field \(field) of type string")
        }
        head.apiVersion = try text(object["apiVersion"], "SimpleHead.apiVersion")
        head.kind = try text(object["kind"], "SimpleHead.kind")
        if case .object(let metadata)? = object["metadata"] {
            head.name = try text(metadata["name"], "SimpleHead.metadata.name")
            if case .object(let annotations)? = metadata["annotations"] {
                for (k, v) in annotations {
                    head.annotations[k] = try text(v, "SimpleHead.metadata.annotations")
                }
            }
        }
        return head
    }

    /// Helm's `SplitManifests`: splits on `(?:^|\s*\n)---\s*` after trimming; empty documents
    /// dropped, the rest trimmed.
    public static func splitManifests(_ text: String) -> [String] {
        let bytes = Array(text.goTrimmingSpace().utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        func isDashes(_ i: Int) -> Bool {
            i + 2 < bytes.count && bytes[i] == 45 && bytes[i + 1] == 45 && bytes[i + 2] == 45
        }
        var pieces: [String] = []
        var pieceStart = 0
        var i = 0
        if isDashes(0) {
            var end = 3
            while end < bytes.count, isSpace(bytes[end]) { end += 1 }
            pieces.append("")
            pieceStart = end
            i = end
        }
        while i < bytes.count {
            if bytes[i] == 0x0A, isDashes(i + 1) {
                var start = i
                while start > pieceStart, isSpace(bytes[start - 1]) { start -= 1 }
                var end = i + 4
                while end < bytes.count, isSpace(bytes[end]) { end += 1 }
                pieces.append(String(decoding: bytes[pieceStart..<start], as: UTF8.self))
                pieceStart = end
                i = end
                continue
            }
            i += 1
        }
        pieces.append(String(decoding: bytes[pieceStart..<bytes.count], as: UTF8.self))
        return pieces.filter { !$0.isEmpty }.map { $0.goTrimmingSpace() }
    }
}

extension String {
    /// Go's `strings.TrimSpace` (Unicode white space).
    func goTrimmingSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }
}
