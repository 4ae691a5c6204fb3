import Foundation
import GoTemplate
import HelmEngine
import StructuredData

/// The `helm template` behaviour behind `swiftflux helm template`, kept apart from the
/// argument-parser wrapper so tests can run it in-process: arguments in, stdout/stderr text
/// and an exit status out.
struct HelmTemplateRunner {
    /// Relative chart and values paths resolve against this directory.
    var workingDirectory: String
    var loader = HelmChartSource.loader
    /// The Kubernetes version reported without `--kube-version`: what the released Helm v3.13.2
    /// binary reports (built with client-go v0.28, so `v1.28.0`). Helm's own test suite runs
    /// without those build flags and sees `Capabilities.defaultKubeVersion` (`v1.20.0`) instead.
    var defaultKubeVersion = Capabilities.KubeVersion(version: "v1.28.0", major: "1", minor: "28")
    /// Functions for `--name-template` (Sprig's `TxtFuncMap`).
    var nameTemplateFunctions: [String: GoFunction] = HelmCLIFunctions.nameTemplate

    struct Output: Equatable {
        var stdout = ""
        var stderr = ""
        var status: Int32 = 0
        /// stdout followed by stderr, as Helm's golden files capture them.
        var combined: String { stdout + stderr }
    }

    /// Runs `helm template ARGUMENTS` on a thread with a 1 GiB stack, so that Helm's 1000
    /// nested `include`s fit even in a debug build (the stack is reserved, not committed).
    func run(_ arguments: [String]) -> Output {
        nonisolated(unsafe) let runner = self
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.output = runner.runHere(arguments)
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.output
    }

    private final class OutputBox: @unchecked Sendable {
        var output = Output()
    }

    private func runHere(_ arguments: [String]) -> Output {
        var output = Output()
        do {
            try execute(arguments, &output)
        } catch {
            output.stderr += "Error: \(error)\n"
            output.status = 1
        }
        return output
    }

    private func execute(_ arguments: [String], _ output: inout Output) throws {
        let flags = try HelmTemplateFlags(arguments: arguments)
        output.stderr += HelmKubeconfigCheck.warnings(kubeconfig: flags.kubeconfig)
        var postRenderer: HelmPostRenderer?
        if let binary = flags.postRenderer, !binary.isEmpty {
            postRenderer = try HelmPostRenderer(binary: binary, arguments: flags.postRendererArgs, workingDirectory: workingDirectory)
        }
        if flags.positional.isEmpty {
            throw FlagError("\"helm template\" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]")
        }
        var capabilities = Capabilities(kubeVersion: defaultKubeVersion, helmVersion: Capabilities.helmBinaryVersion,
                                        goVersion: Capabilities.helmBinaryGoVersion)
        if let kubeVersion = flags.kubeVersion, !kubeVersion.isEmpty {
            do { capabilities.kubeVersion = try Capabilities.KubeVersion.parse(kubeVersion) } catch {
                throw FlagError("invalid kube version '\(kubeVersion)': \(error.message)")
            }
        }
        capabilities.apiVersions += flags.apiVersions
        let (name, chartPath) = try nameAndChart(flags)
        let resolved = try locate(chartPath)
        let values = try userValues(flags)
        let loaded = try loader.load(path: resolved)
        switch loaded.metadata.type {
        case "", "application": break
        default: throw FlagError("\(loaded.metadata.type) charts are not installable")
        }
        if loaded.metadata.deprecated { output.stderr += "WARNING: This chart is deprecated\n" }
        var progress = ""
        defer { output.stdout = progress + output.stdout }
        let chart = try HelmChartSource.resolveDependencies(loaded, path: resolved, dependencyUpdate: flags.dependencyUpdate,
                                                            out: { progress += $0 })
        if let option = flags.dryRun { try HelmDryRun(option: option.isEmpty ? "true" : option).validate() }
        let install = InstallRender(
            release: ReleaseOptions(name: name, namespace: flags.namespace, revision: 1,
                                    isInstall: !flags.isUpgrade, isUpgrade: flags.isUpgrade),
            capabilities: capabilities, includeCRDs: flags.includeCRDs,
            subNotes: flags.renderSubchartNotes)
        do {
            let result = try install.run(chart: chart, values: values)
            var manifest = result.manifest
            if let postRenderer {
                do { manifest = try postRenderer.runBlocking(manifest) } catch {
                    let message = "error while running post render on files: \(error)"
                    guard flags.debug else { throw FlagError(message + "\n\nUse --debug flag to render out invalid YAML") }
                    try emit(manifest: "", hooks: result.hooks, flags: flags, release: name, &output)
                    throw FlagError(message)
                }
            }
            try emit(manifest: manifest, hooks: result.hooks, flags: flags, release: name, &output)
        } catch let failure as InstallRender.RenderFailure {
            guard flags.debug else {
                throw FlagError("\(failure.error.message)\n\nUse --debug flag to render out invalid YAML")
            }
            try emit(manifest: failure.partialManifest, hooks: [], flags: flags, release: name, &output)
            throw failure.error
        }
    }

    /// Helm's `Install.NameAndChart` with `helm template`'s default name.
    private func nameAndChart(_ flags: HelmTemplateFlags) throws -> (String, String) {
        let args = flags.positional
        if args.count > 2 {
            throw FlagError("expected at most two arguments, unexpected arguments: \(args[2...].joined(separator: ", "))")
        }
        if args.count == 2 {
            if flags.generateName { throw FlagError("cannot set --generate-name and also specify a name") }
            if flags.nameTemplate != nil { throw FlagError("cannot set --name-template and also specify a name") }
            return (args[0], args[1])
        }
        if let template = flags.nameTemplate, !template.isEmpty {
            var set = Template(name: "name-template", functions: nameTemplateFunctions)
            try set.parse(template)
            return (try set.execute(data: .invalid), args[0])
        }
        return ("release-name", args[0])
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// Helm's `LocateChart` for local paths.
    private func locate(_ name: String) throws -> String {
        let path = absolute(name)
        if FileManager.default.fileExists(atPath: path) { return path }
        if name.hasPrefix("/") || name.hasPrefix(".") { throw FlagError("path \"\(name)\" not found") }
        throw FlagError("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(name)")
    }

    private func userValues(_ flags: HelmTemplateFlags) throws -> JSONObject {
        var options = ValueOptions()
        for path in flags.valueFiles {
            options.valueFiles.append((path, try readFile(path)))
        }
        options.jsonValues = flags.setJSON
        options.values = flags.set
        options.stringValues = flags.setString
        options.fileValues = flags.setFile
        let directory = workingDirectory
        return try options.merge { path in try HelmTemplateRunner.read(path, relativeTo: directory) }
    }

    private func readFile(_ path: String) throws -> [UInt8] {
        try Self.read(path, relativeTo: workingDirectory)
    }

    static func read(_ path: String, relativeTo directory: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let full = path.hasPrefix("/") ? path : directory + "/" + path
        guard let data = FileManager.default.contents(atPath: full) else {
            throw FlagError("open \(path): no such file or directory")
        }
        return [UInt8](data)
    }
}
