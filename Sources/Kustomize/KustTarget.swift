import Foundation
import StructuredData

/// What accumulates while a kustomization and its bases are built (kustomize's `ResAccumulator`).
struct Accumulator: Sendable {
    var resMap = ResMap()
    var config = TransformerConfig()
    var vars: [Var] = []

    mutating func merge(_ other: Accumulator) throws(KustomizeError) {
        try resMap.appendAll(other.resMap)
        do { try config.merge(other.config) } catch { throw error.prefixed("merging config") }
        for v in other.vars { try addVar(v) }
    }

    mutating func addVar(_ v: Var) throws(KustomizeError) {
        if vars.contains(where: { $0.name == v.name }) {
            throw KustomizeError(.invalid, "var '\(v.name)' already encountered")
        }
        vars.append(v)
    }
}

/// One kustomization directory being built (kustomize's `KustTarget`).
struct KustTarget {
    let loader: Loader
    var kustomization: Kustomization
    let fileName: String
    let options: BuildOptions
    let context: BuildContext
    /// Where this target's files are, relative to the top directory; nil unless `buildMetadata`
    /// is set (kustomize tracks origins only then).
    var origin: Origin? = nil

    /// Loads and decodes the kustomization file of the loader's root.
    static func load(_ loader: Loader, options: BuildOptions, context: BuildContext) throws(KustomizeError) -> KustTarget {
        let (text, name) = try loader.loadKustomizationFile()
        let k = try Kustomization.decode(text, root: loader.root)
        for w in k.warnings { options.warn(w) }
        return KustTarget(loader: loader, kustomization: k, fileName: name, options: options, context: context)
    }

    /// Accumulates into a fresh accumulator.
    func accumulateTarget() throws(KustomizeError) -> Accumulator {
        var ra = Accumulator()
        try accumulateTarget(&ra)
        return ra
    }

    /// Resources, configurations, generators, components, transformers and vars, in kustomize's order.
    func accumulateTarget(_ ra: inout Accumulator) throws(KustomizeError) {
        do { try accumulateResources(&ra, kustomization.resources) } catch { throw error.prefixed("accumulating resources") }
        var config = FieldSpecDefaults.config
        if !kustomization.configurations.isEmpty {
            var custom = TransformerConfig()
            for path in kustomization.configurations {
                try custom.merge(try TransformerConfig.parse(try loader.load(path), path: path))
            }
            try config.merge(custom)
        }
        do { try ra.config.merge(config) } catch { throw error.prefixed("merging config") }
        if !kustomization.crds.isEmpty {
            let crdConfig: TransformerConfig
            do { crdConfig = try CRDConfig.load(loader, kustomization.crds) } catch {
                throw error.prefixed("loading CRDs [\(kustomization.crds.joined(separator: " "))]")
            }
            do { try ra.config.merge(crdConfig) } catch { throw error.prefixed("merging CRDs") }
        }
        try runGenerators(&ra)
        do { try accumulateComponents(&ra, kustomization.components) } catch { throw error.prefixed("accumulating components") }
        try runTransformers(&ra)
        var vars: [Var] = []
        for v in kustomization.vars { vars.append(try Var.decode(v)) }
        do { try Var.merge(vars, into: &ra) } catch {
            let list = vars.map { $0.goDescription(resolvedGvk: false, defaulted: false) }.joined(separator: " ")
            throw error.prefixed("merging vars [\(list)]")
        }
    }

    /// Each path as a file of resources, else as a base directory (kustomize's `accumulateResources`).
    func accumulateResources(_ ra: inout Accumulator, _ paths: [String]) throws(KustomizeError) {
        for path in paths {
            if Loader.isRemote(path) {
                throw KustomizeError(.restricted, "remote resources are not supported: '\(path)'")
            }
            let fileError: KustomizeError
            do {
                try accumulateFile(&ra, path)
                continue
            } catch {
                fileError = error
            }
            if fileError.kind == .limit { throw fileError }
            let sub: Loader
            do { sub = try loader.new(path) } catch {
                if fileError.kind == .malformedYAML { throw fileError }
                throw error.prefixed("accumulation err='\(fileError.message)'")
            }
            do { try accumulateDirectory(&ra, sub, isComponent: false, origin: origin?.appending(path)) } catch {
                if fileError.kind == .malformedYAML { throw fileError }
                throw error.prefixed("accumulation err='\(fileError.message)'")
            }
        }
    }

    private func accumulateFile(_ ra: inout Accumulator, _ path: String) throws(KustomizeError) {
        var resources: [Resource]
        do {
            let bytes = try loader.load(path)
            resources = try ResourceFactory.resources(from: bytes)
        } catch {
            throw error.prefixed("accumulating resources from '\(path)'")
        }
        if let origin {
            let text = origin.appending(path).yaml
            for i in resources.indices {
                var a = resources[i].annotationPairs
                a[Origin.annotation] = text
                resources[i].setAnnotations(a)
            }
        }
        do {
            try ra.resMap.appendAll(ResMap(resources))
        } catch {
            throw error.prefixed("merging resources from '\(path)'")
        }
    }

    private func accumulateComponents(_ ra: inout Accumulator, _ paths: [String]) throws(KustomizeError) {
        for path in paths {
            let sub: Loader
            do { sub = try loader.new(path) } catch {
                throw KustomizeError(error.kind, "loader.New \(goQuote(error.message))")
            }
            do { try accumulateDirectory(&ra, sub, isComponent: true, origin: origin?.appending(path)) } catch {
                throw KustomizeError(error.kind, "accumulateDirectory: \(goQuote(error.message))")
            }
        }
    }

    private func accumulateDirectory(_ ra: inout Accumulator, _ sub: Loader, isComponent: Bool, origin: Origin?) throws(KustomizeError) {
        var subKt: KustTarget
        do { subKt = try KustTarget.load(sub, options: options, context: context) } catch {
            throw error.prefixed("couldn't make target for path '\(sub.root)'")
        }
        subKt.kustomization.buildMetadata = kustomization.buildMetadata
        subKt.origin = origin
        try context.setSchema(subKt.kustomization.openapi, loader: sub, reset: false)
        if isComponent && !subKt.kustomization.isComponent {
            throw KustomizeError(.invalid, "expected kind 'Component' for path '\(sub.root)' but got '\(subKt.kustomization.kind)'")
        } else if !isComponent && subKt.kustomization.isComponent {
            throw KustomizeError(.invalid, "expected kind != 'Component' for path '\(sub.root)'")
        }
        if isComponent {
            do { try subKt.accumulateTarget(&ra) } catch {
                throw error.prefixed("recursed accumulation of path '\(sub.root)'")
            }
        } else {
            let subRa: Accumulator
            do { subRa = try subKt.accumulateTarget() } catch {
                throw error.prefixed("recursed accumulation of path '\(sub.root)'")
            }
            do { try ra.merge(subRa) } catch {
                throw error.prefixed("recursed merging from path '\(sub.root)'")
            }
        }
    }

    /// `configMapGenerator`, `secretGenerator`, then the `generators:` entries; generated
    /// resources are absorbed (created, merged or replaced).
    private func runGenerators(_ ra: inout Accumulator) throws(KustomizeError) {
        for (list, secret) in [(kustomization.configMapGenerator, false), (kustomization.secretGenerator, true)] {
            let kind = secret ? "SecretGenerator" : "ConfigMapGenerator"
            let genOrigin = origin.map { Origin.builtin(kind, target: $0, fileName: fileName) }
            for var args in list {
                args.options = GeneratorOptions.merged(local: args.options, global: kustomization.generatorOptions)
                var r = try Generators.make(args, secret: secret, loader: loader)
                if let genOrigin, r.origin == nil { r.setOrigin(genOrigin) }
                do { try ra.resMap.absorbAll(ResMap([r])) } catch {
                    throw error.prefixed("merging from generator \(kind) \(args.name)")
                }
            }
        }
        if !kustomization.helmCharts.isEmpty {
            throw KustomizeError(.invalid, "must specify --enable-helm")
        }
        if !kustomization.generators.isEmpty {
            let configs: [Resource]
            do { configs = try pluginConfigs(kustomization.generators) } catch {
                throw error.prefixed("loading generator plugins")
            }
            try ExternalPlugins.runGenerators(configs, target: self, into: &ra)
        }
    }

    /// The resources configuring `generators:`/`transformers:` plugins: inline YAML, files or
    /// kustomization directories (kustomize's `configureExternalGenerators`).
    func pluginConfigs(_ entries: [String]) throws(KustomizeError) -> [Resource] {
        var ra = Accumulator()
        var paths: [String] = []
        for entry in entries {
            guard var inline = try? ResourceFactory.resources(from: Array(entry.utf8)), !inline.isEmpty else {
                paths.append(entry)
                continue
            }
            if let origin {
                for i in inline.indices { inline[i].setOrigin(origin.appending(fileName)) }
            }
            try ra.resMap.appendAll(ResMap(inline))
        }
        try accumulateResources(&ra, paths)
        return ra.resMap.resources
    }
}

/// Go's `%q` of a string (used where kustomize wraps errors with `%q`).
func goQuote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7f {
                out += String(format: "\\x%02x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
