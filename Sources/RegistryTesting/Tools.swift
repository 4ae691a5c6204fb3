import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs a short command to completion and returns its status and output (for htpasswd and helm).
public func runTool(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
    var env: [Environment.Key: String] = [:]
    for (key, value) in ProcessInfo.processInfo.environment.merging(environment, uniquingKeysWith: { $1 }) {
        if let k = Environment.Key(rawValue: key) { env[k] = value }
    }
    let result = try await Subprocess.run(.path(FilePath(executable)), arguments: Arguments(arguments), environment: .custom(env),
                                          output: .string(limit: 16 << 20), error: .string(limit: 16 << 20))
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = code
    case .signaled(let signal): status = 128 + signal
    }
    return (status, (result.standardOutput ?? "") + (result.standardError ?? ""))
}

/// The tools the registry tests need, found through the environment `setup_test_tools` sets.
public enum TestTools {
    /// `$SWIFTFLUX_REGISTRY`, else Debian's `/usr/bin/docker-registry` when installed.
    public static var registry: String? {
        if let path = ProcessInfo.processInfo.environment["SWIFTFLUX_REGISTRY"], FileManager.default.isExecutableFile(atPath: path) { return path }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/docker-registry") ? "/usr/bin/docker-registry" : nil
    }

    /// `htpasswd` from apache2-utils.
    public static var htpasswd: String? {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/htpasswd") ? "/usr/bin/htpasswd" : nil
    }

    /// `$SWIFTFLUX_HELM` (Helm v3.13.2), else `.tools/helm-v3.13.2/helm/helm` of the package.
    public static func helm(file: String = #filePath) -> String? {
        if let path = ProcessInfo.processInfo.environment["SWIFTFLUX_HELM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent(".tools/helm-v3.13.2/helm/helm").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    public static var haveRegistry: Bool { registry != nil && htpasswd != nil }
}
