import Foundation
import StructuredData

/// What accumulates while a kustomization and its bases are built (kustomize's `ResAccumulator`).
struct Accumulator: Sendable {
    var resMap = ResMap()
    var config = TransformerConfig()
    var vars: [Var] = []

    mutating func merge(_ other: Accumulator) throws(KustomizeError) {
        try resMap.appendAll(other.resMap)
        config.merge(other.config)
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

    /// Loads and decodes the kustomization file of the loader's root.
    static func load(_ loader: Loader, options: BuildOptions) throws(KustomizeError) -> KustTarget {
        let (text, name) = try loader.loadKustomizationFile()
        let k = try Kustomization.decode(text, root: loader.root)
        return KustTarget(loader: loader, kustomization: k, fileName: name, options: options)
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
        for path in kustomization.configurations {
            config.merge(try TransformerConfig.parse(try loader.load(path), path: path))
        }
        ra.config.merge(config)
        if !kustomization.crds.isEmpty {
            ra.config.merge(try CRDConfig.load(loader, kustomization.crds))
        }
        try runGenerators(&ra)
        do { try accumulateComponents(&ra, kustomization.components) } catch { throw error.prefixed("accumulating components") }
        try runTransformers(&ra)
        do {
            for v in kustomization.vars { try ra.addVar(try Var.decode(v)) }
        } catch {
            throw error.prefixed("merging vars")
        }
    }

    private func accumulateResources(_ ra: inout Accumulator, _ paths: [String]) throws(KustomizeError) {
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
            if fileError.kind == .malformedYAML || fileError.kind == .limit {
                throw fileError
            }
            let sub: Loader
            do { sub = try loader.new(path) } catch {
                throw error.prefixed("accumulation err='\(fileError.message)'")
            }
            do { try accumulateDirectory(&ra, sub, isComponent: false) } catch {
                throw error.prefixed("accumulation err='\(fileError.message)'")
            }
        }
    }

    private func accumulateFile(_ ra: inout Accumulator, _ path: String) throws(KustomizeError) {
        let resources: [Resource]
        do {
            let bytes = try loader.load(path)
            resources = try ResourceFactory.resources(from: bytes)
        } catch {
            throw error.prefixed("accumulating resources from '\(path)'")
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
            do { try accumulateDirectory(&ra, sub, isComponent: true) } catch {
                throw KustomizeError(error.kind, "accumulateDirectory: \(goQuote(error.message))")
            }
        }
    }

    private func accumulateDirectory(_ ra: inout Accumulator, _ sub: Loader, isComponent: Bool) throws(KustomizeError) {
        var subKt: KustTarget
        do { subKt = try KustTarget.load(sub, options: options) } catch {
            throw error.prefixed("couldn't make target for path '\(sub.root)'")
        }
        subKt.kustomization.buildMetadata = kustomization.buildMetadata
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

    private func runGenerators(_ ra: inout Accumulator) throws(KustomizeError) {
        for (list, secret) in [(kustomization.configMapGenerator, false), (kustomization.secretGenerator, true)] {
            for var args in list {
                args.options = GeneratorOptions.merged(local: args.options, global: kustomization.generatorOptions)
                let r = try Generators.make(args, secret: secret, loader: loader)
                do { try ra.resMap.absorbAll(ResMap([r])) } catch {
                    throw error.prefixed("merging from generator \(secret ? "SecretGenerator" : "ConfigMapGenerator") \(args.name)")
                }
            }
        }
        if !kustomization.generators.isEmpty {
            try ExternalPlugins.runGenerators(kustomization.generators, target: self, into: &ra)
        }
        if !kustomization.helmCharts.isEmpty {
            throw KustomizeError(.invalid, "must specify --enable-helm")
        }
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
