import Foundation
import SwiftFluxTesting

/// The two programs compared: the real Helm v3.13.2 binary (the oracle) and the `swiftflux`
/// executable built with the package. Paths are resolved from the package root, so the suite
/// runs from any working directory.
enum HelmOracle {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `$SWIFTFLUX_HELM`, else `.tools/helm-v3.13.2/helm/helm` under the package root.
    static let helm: String? = {
        if let env = ProcessInfo.processInfo.environment["SWIFTFLUX_HELM"], FileManager.default.isExecutableFile(atPath: env) {
            return env
        }
        let path = packageRoot + "/.tools/helm-v3.13.2/helm/helm"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// The `swiftflux` executable next to the test bundle's build products.
    static let swiftflux: String? = {
        for dir in [".build/debug", ".build/release"] {
            let path = packageRoot + "/" + dir + "/swiftflux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var isAvailable: Bool { helm != nil && swiftflux != nil }

    static let fixtures = packageRoot + "/Tests/HelmParityTests/Fixtures"

    /// An environment that keeps Helm away from the user's configuration and caches.
    static func environment(home: String) -> [String: String] {
        var env: [String: String] = ["HOME": home, "PATH": "/usr/bin:/bin", "HELM_CACHE_HOME": home + "/cache",
                                     "HELM_CONFIG_HOME": home + "/config", "HELM_DATA_HOME": home + "/data", "TZ": "UTC"]
        if let lang = ProcessInfo.processInfo.environment["LANG"] { env["LANG"] = lang }
        return env
    }

    /// What one program printed.
    struct Output: Equatable, CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    static func run(_ executable: String, _ arguments: [String], home: String, directory: String? = nil) async throws -> Output {
        var args = arguments
        var exe = executable
        if let directory {
            // Run relative to `directory` through the shell's `cd`, keeping argument bytes intact.
            args = ["-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
            exe = "/bin/sh"
        }
        let r = try await ProcessRunner.run(exe, args, environment: environment(home: home), timeout: 120)
        return Output(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Runs `helm ARGS` and `swiftflux helm ARGS` the same way.
    static func both(_ arguments: [String], home: String, directory: String? = nil) async throws -> (helm: Output, swiftflux: Output) {
        guard let helm, let swiftflux else { throw OracleError("helm or swiftflux is missing") }
        async let a = run(helm, arguments, home: home, directory: directory)
        async let b = run(swiftflux, ["helm"] + arguments, home: home, directory: directory)
        return try await (a, b)
    }

    static func scratch(_ label: String) throws -> String {
        let dir = NSTemporaryDirectory() + "helmparity-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

struct OracleError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Writes a chart directory from file texts (`templates/a.yaml` → text).
enum ChartWriter {
    static func write(_ files: [String: String], name: String = "case", to directory: String) throws -> String {
        let root = directory + "/" + name
        var all = files
        if all["Chart.yaml"] == nil { all["Chart.yaml"] = "apiVersion: v2\nname: \(name)\nversion: 0.1.0\nappVersion: \"1.0\"\n" }
        for (path, text) in all {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }
}
