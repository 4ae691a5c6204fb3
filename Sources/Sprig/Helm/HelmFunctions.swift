import Foundation
import GoTemplate
import StructuredData

/// Reads objects from a cluster for Helm's `lookup`. Implementations must be thread-safe
/// and synchronous (template functions are synchronous).
public protocol ClusterReader: Sendable {
    /// The object `name` of `kind` in `namespace` as JSON, or nil when it does not exist. An
    /// empty `name` lists: the result is the `<Kind>List` object. An empty `namespace` means
    /// cluster scope. Throwing fails the template with the error's text.
    func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> JSONValue?
}

/// Helm 3.13's own template functions, layered over `Sprig.functions`.
///
/// Contract for the chart renderer (HelmEngine):
/// - Parse every chart template into one `Template` set whose function map is
///   `HelmFunctions(options).functionMap()`, with `missingKey: .zero` (`.error` for strict).
/// - `include` and `tpl` work on the set being executed (`GoCallContext.template`), so no
///   closure over the set is needed; `tpl` parses into a copy of it, keeping defines local.
/// - `include` nests each name at most `includeLimit` times (per execution, tracked in the
///   call context's `userInfo`), then fails with Helm's "nested reference" error.
/// - `fail` and `required` errors carry `HELM_ERR_START…HELM_ERR_END`; pass the final
///   execution error through `HelmFunctions.cleanupExecError(_:filename:)` to get
///   `execution error at (file:line:col): msg`.
public struct HelmFunctions: Sendable {
    public struct Options: Sendable {
        /// The cluster for `lookup`; nil renders `lookup` as an empty map (as `helm template`).
        public var cluster: (any ClusterReader)?
        /// Flux's `AllowDNSLookups` feature gate; when false `getHostByName` returns "".
        public var allowDNSLookups: Bool
        /// `missingkey=error` inside `tpl` (Helm's strict/lint mode).
        public var strict: Bool
        /// Helm's `recursionMaxNums`.
        public var includeLimit: Int
        /// Resolves host names for `getHostByName` when DNS lookups are allowed.
        public var resolveHost: (@Sendable (String) -> String)?

        public init(cluster: (any ClusterReader)? = nil, allowDNSLookups: Bool = false, strict: Bool = false,
                    includeLimit: Int = 1000, resolveHost: (@Sendable (String) -> String)? = nil) {
            self.cluster = cluster
            self.allowDNSLookups = allowDNSLookups
            self.strict = strict
            self.includeLimit = includeLimit
            self.resolveHost = resolveHost
        }
    }

    public let options: Options

    public init(_ options: Options = Options()) {
        self.options = options
    }

    /// Sprig's functions plus Helm's (`include`, `tpl`, `required`, `lookup`, `toYaml`,
    /// `fromYaml`, `fromYamlArray`, `toJson`, `fromJson`, `fromJsonArray`, `toToml`, and
    /// Helm's `fail` and `getHostByName`).
    public func functionMap() -> [String: GoFunction] {
        var map = Sprig.functions
        for f in helmFunctions() { map[f.name] = f }
        return map
    }

    /// Helm's delimiters around `fail`/`required` messages.
    public static let errorStart = "HELM_ERR_START"
    public static let errorEnd = "HELM_ERR_END"

    static func wrapped(_ message: String) -> String { errorStart + message + errorEnd }

    /// Helm's `cleanupExecError`: an exec error whose message carries a `fail`/`required`
    /// marker becomes `execution error at (<file:line:col>): <msg>`; other errors are returned
    /// unchanged (as their text).
    public static func cleanupExecError(_ error: GoTemplateError, filename: String) -> String {
        guard error.kind == .exec else { return error.message }
        let tokens = splitN(error.message, ": ", 3)
        guard tokens.count == 3 else { return "execution error in (\(filename)): \(error.message)" }
        if let start = tokens[2].range(of: errorStart), let end = tokens[2].range(of: errorEnd, options: .backwards),
           start.upperBound <= end.lowerBound {
            return "execution error at (\(tokens[1])): \(tokens[2][start.upperBound..<end.lowerBound])"
        }
        return error.message
    }

    static func splitN(_ s: String, _ sep: String, _ n: Int) -> [String] {
        TextUtil.split(s, sep, limit: n)
    }
}
