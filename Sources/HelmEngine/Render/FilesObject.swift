import Foundation
import GoTemplate
import OrderedCollections
import StructuredData

/// `.Files` (Helm's `engine.files`, a `map[string][]byte` with methods): `Get`, `GetBytes`,
/// `Glob`, `Lines`, `AsConfig`, `AsSecrets`. Holds the chart's non-template files only.
struct FilesObject: GoObject {
    let files: OrderedDictionary<String, [UInt8]>

    init(files: OrderedDictionary<String, [UInt8]>) { self.files = files }

    init(chartFiles: [ChartFile]) {
        var map = OrderedDictionary<String, [UInt8]>()
        for file in chartFiles { map[file.name] = file.data }
        files = map
    }

    var goType: GoType { HelmGoTypes.files }

    var underlying: GoValue? {
        var entries = OrderedDictionary<String, GoValue>()
        for (k, v) in files { entries[k] = .bytes(v) }
        return .map(entries, type: GoType.map(key: .string, elem: .bytes))
    }

    func method(_ name: String) -> GoFunction? {
        let files = self.files
        switch name {
        case "Get":
            return GoFunction("Get", parameters: [.string], result: .string) { args, _ in
                guard case .string(let key)? = args.first, let data = files[key] else { return .string("") }
                return .string(String(decoding: data, as: UTF8.self))
            }
        case "GetBytes":
            return GoFunction("GetBytes", parameters: [.string], result: .bytes) { args, _ in
                guard case .string(let key)? = args.first, let data = files[key] else { return .nilValue(.bytes) }
                return .bytes(data)
            }
        case "Glob":
            return GoFunction("Glob", parameters: [.string], result: HelmGoTypes.files) { args, _ in
                guard case .string(let pattern)? = args.first else { return .object(FilesObject(files: [:])) }
                let glob = Glob(pattern: pattern)
                var matched = OrderedDictionary<String, [UInt8]>()
                for (k, v) in files where glob.matches(k) { matched[k] = v }
                return .object(FilesObject(files: matched))
            }
        case "Lines":
            return GoFunction("Lines", parameters: [.string], result: .sliceOfString) { args, _ in
                guard case .string(let key)? = args.first, let data = files[key] else { return .strings([]) }
                guard !data.isEmpty else {
                    throw GoTemplateError.function("runtime error: index out of range [-1]")
                }
                var text = String(decoding: data, as: UTF8.self)
                if text.hasSuffix("\n") { text.removeLast() }
                if text.hasSuffix("\r") && data.count >= 2 && data[data.count - 2] == 13 { /* keep \r: Go drops only \n */ }
                return .strings(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            }
        case "AsConfig":
            return GoFunction("AsConfig", parameters: [], result: .string) { _, _ in
                .string(Self.yamlMap(files) { String(decoding: $0, as: UTF8.self) })
            }
        case "AsSecrets":
            return GoFunction("AsSecrets", parameters: [], result: .string) { _, _ in
                .string(Self.yamlMap(files) { Data($0).base64EncodedString() })
            }
        default:
            return nil
        }
    }

    /// `toYAML(map[basename]content)` without the trailing newline; `""` for no files.
    static func yamlMap(_ files: OrderedDictionary<String, [UInt8]>, _ render: ([UInt8]) -> String) -> String {
        var object = JSONObject()
        for (k, v) in files {
            let base = k.split(separator: "/").last.map(String.init) ?? k
            object[base] = .string(render(v))
        }
        guard let text = try? YAML.serialize(.object(object)) else { return "" }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
