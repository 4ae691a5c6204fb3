import StructuredData

/// Composition of user-supplied values as `helm` does it (`pkg/cli/values.Options.MergeValues`),
/// minus the file reading: values files are merged in order (later wins, maps merged key by
/// key), then `--set-json`, `--set`, `--set-string` and `--set-file` lines are applied.
public struct ValueOptions: Sendable {
    /// `(path, contents)` of each `-f/--values` file, in order.
    public var valueFiles: [(path: String, data: [UInt8])] = []
    public var jsonValues: [String] = []
    public var values: [String] = []
    public var stringValues: [String] = []
    public var fileValues: [String] = []

    public init() {}

    /// Merges everything into one user-values map. `readFile` loads `--set-file` paths.
    /// Throws `HelmError` with Helm's wording (`failed parsing --set data: …`).
    public func merge(readFile: @escaping @Sendable (String) throws -> [UInt8]) throws(HelmError) -> JSONObject {
        var base = JSONObject()
        for file in valueFiles {
            let current: JSONObject
            do { current = try ChartLoader.parseValues(file.data, what: file.path) } catch {
                let detail = error.message.replacingAll("cannot load \(file.path): ", with: "")
                throw HelmError(.values, "failed to parse \(file.path): \(detail)")
            }
            base = Self.mergeMaps(base, current)
        }
        for line in jsonValues {
            do { try StrVals.parse(line, into: &base, mode: .json) } catch {
                throw HelmError(.values, "failed parsing --set-json data \(line)")
            }
        }
        for line in values {
            do { try StrVals.parse(line, into: &base, mode: .typed) } catch {
                throw HelmError(.values, "failed parsing --set data: \(error.message)")
            }
        }
        for line in stringValues {
            do { try StrVals.parse(line, into: &base, mode: .string) } catch {
                throw HelmError(.values, "failed parsing --set-string data: \(error.message)")
            }
        }
        for line in fileValues {
            let reader: @Sendable (String) throws -> JSONValue = { path in
                .string(String(decoding: try readFile(path), as: UTF8.self))
            }
            do { try StrVals.parse(line, into: &base, mode: .file(reader)) } catch {
                throw HelmError(.values, "failed parsing --set-file data: \(error.message)")
            }
        }
        return base
    }

    /// Helm's `mergeMaps`: `b` wins; nested maps are merged recursively.
    public static func mergeMaps(_ a: JSONObject, _ b: JSONObject) -> JSONObject {
        var out = a
        for (k, v) in b {
            if case .object(let bm) = v, case .object(let am)? = out[k] {
                out[k] = .object(mergeMaps(am, bm))
            } else {
                out[k] = v
            }
        }
        return out
    }
}
