import GoTemplate
import OrderedCollections
import StructuredData
import Synchronization

/// Helm's rendering engine (`pkg/engine`): one Go template set across the whole chart tree,
/// parsed in Helm's order (deeper paths first, then reverse lexicographic), every non-partial
/// template executed with its chart's context, `<no value>` removed.
public struct Engine: Sendable {
    /// The function map (Sprig + Helm functions). Overrides builtins of the same name.
    public var functions: [String: GoFunction]
    /// `missingkey=error` (lint --strict) instead of `missingkey=zero`.
    public var strict: Bool

    public init(functions: [String: GoFunction] = Engine.defaultFunctions, strict: Bool = false) {
        self.functions = functions
        self.strict = strict
    }

    /// A template to execute: its source, its chart's context and `.Template.BasePath`.
    struct Renderable {
        var text: String
        var context: OrderedDictionary<String, GoValue>
        var basePath: String
    }

    /// Renders every template of `chart` (and its enabled subcharts). Keys are template paths
    /// such as `mychart/templates/deployment.yaml`, in Helm's parse order. Throws `HelmError`
    /// (kind `.render`) with Helm's parse/exec error text.
    public func render(_ chart: Chart, _ values: RenderValues) throws(HelmError) -> OrderedDictionary<String, String> {
        var root = chart
        root.parentPath = nil
        root.assignPaths()
        var renderables: [String: Renderable] = [:]
        let top: OrderedDictionary<String, GoValue> = [
            "Release": values.release.goValue,
            "Capabilities": .object(CapabilitiesObject(capabilities: values.capabilities)),
            "Values": .values(values.values),
        ]
        _ = Self.collect(root, isRoot: true, parent: top, into: &renderables)
        let order = Self.parseOrder(Array(renderables.keys))

        let set = try parsedSet(order.compactMap { name in renderables[name].map { (name, $0.text) } })
        var rendered = OrderedDictionary<String, String>()
        for name in order {
            guard let item = renderables[name] else { continue }
            if ChartLoader.lastComponent(name).hasPrefix("_") { continue }
            var context = item.context
            context["Template"] = .map(["Name": .string(name), "BasePath": .string(item.basePath)],
                                       type: HelmGoTypes.values)
            let output: String
            do { output = try set.execute(name, data: .map(context)) } catch {
                throw Self.cleanupExecError(name, error)
            }
            rendered[name] = output.replacingAll("<no value>", with: "")
        }
        return rendered
    }

    /// The template set of `sources` (name and text, in parse order), parsed once per distinct
    /// chart and reused: parsing depends only on the texts, their order, the options and which
    /// function names exist, so a cached set gets this engine's functions bound again and is then
    /// exactly what parsing anew would give. Parse errors are not cached.
    func parsedSet(_ sources: [(String, String)]) throws(HelmError) -> Template {
        let key = ParseKey(strict: strict, functionNames: functions.keys.sorted(),
                           names: sources.map(\.0), texts: sources.map(\.1))
        if var cached = Self.parseCache.withLock({ $0[key] }) {
            cached.addFunctions(functions)
            return cached
        }
        var set = Template(name: "gotpl", functions: functions, options: .init(missingKey: strict ? .error : .zero))
        for (name, text) in sources {
            do { try set.parse(text, as: name) } catch {
                throw Self.cleanupParseError(name, error)
            }
        }
        Self.parseCache.withLock { cache in
            if cache.count >= Self.parseCacheLimit { cache.removeAll() }
            cache[key] = set
        }
        return set
    }

    struct ParseKey: Hashable, Sendable {
        var strict: Bool
        var functionNames: [String]
        var names: [String]
        var texts: [String]
    }

    /// Parsed template sets of recently rendered charts (emptied when full).
    static let parseCache = Mutex<[ParseKey: Template]>([:])
    static let parseCacheLimit = 32

    /// Helm's `recAllTpls`: builds each chart's context and registers its templates.
    static func collect(_ chart: Chart, isRoot: Bool, parent: OrderedDictionary<String, GoValue>,
                        into renderables: inout [String: Renderable]) -> OrderedDictionary<String, GoValue> {
        var values = GoValue.values([:])
        if isRoot {
            values = parent["Values"] ?? values
        } else if case .map(let parentValues)? = parent["Values"],
                  case .map(let mine)? = parentValues.entries[chart.name] {
            values = .map(mine.entries, type: HelmGoTypes.values)
        }
        var context: OrderedDictionary<String, GoValue> = [
            "Chart": .object(ChartObject(metadata: chart.metadata, isRoot: isRoot)),
            "Files": .object(FilesObject(chartFiles: chart.files)),
            "Release": parent["Release"] ?? .null,
            "Capabilities": parent["Capabilities"] ?? .null,
            "Values": values,
        ]
        var subcharts = OrderedDictionary<String, GoValue>()
        for child in chart.dependencies {
            let childContext = collect(child, isRoot: false, parent: context, into: &renderables)
            subcharts[child.name] = .map(childContext)
        }
        context["Subcharts"] = .map(subcharts)
        let fullPath = chart.fullPath
        for template in chart.templates {
            if chart.isLibrary && !ChartLoader.lastComponent(template.name).hasPrefix("_") { continue }
            renderables[fullPath + "/" + template.name] = Renderable(
                text: String(decoding: template.data, as: UTF8.self),
                context: context,
                basePath: fullPath + "/templates")
        }
        return context
    }

    /// `sort.Reverse(byPathLen)`: more `/` first; equal depth in reverse byte order.
    static func parseOrder(_ names: [String]) -> [String] {
        let keyed = names.map { name -> (name: String, bytes: [UInt8], depth: Int) in
            let bytes = Array(name.utf8)
            return (name, bytes, bytes.reduce(0) { $0 + ($1 == 47 ? 1 : 0) })
        }
        return keyed.sorted { a, b in
            if a.depth != b.depth { return a.depth > b.depth }
            return b.bytes.lexicographicallyPrecedes(a.bytes)
        }.map(\.name)
    }
}

extension String {
    /// `strings.ReplaceAll` for a non-empty `target` (an empty one returns `self`). Scans
    /// UTF-8 bytes; since both strings are valid UTF-8, a byte match is a whole-scalar match.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        var source = self
        return source.withUTF8 { bytes -> String in
            let n = needle.count
            guard bytes.count >= n else { return self }
            var out: [UInt8] = []
            var copied = 0
            var i = 0
            let last = bytes.count - n
            while i <= last {
                if bytes[i] == first {
                    var k = 1
                    while k < n && bytes[i + k] == needle[k] { k += 1 }
                    if k == n {
                        if out.isEmpty { out.reserveCapacity(bytes.count) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                        out.append(contentsOf: replacement.utf8)
                        i += n
                        copied = i
                        continue
                    }
                }
                i += 1
            }
            if copied == 0 { return self }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
