import Foundation

/// Locates the project's shared upstream test data, `../shared/conformance` beside the package root.
///
/// Contract: the package root is found by walking up from the calling test file to the first folder
/// holding `Package.swift`; `SWIFTFLUX_SHARED` (a path to `shared/`) overrides the search. Suites that
/// need the data use `.enabled(if: SharedConformance.isAvailable)` so they are skipped only when the
/// folder is absent.
public enum SharedConformance {
    /// The absolute path of `shared/conformance`, or nil when it is absent.
    public static func root(file: String = #filePath) -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SWIFTFLUX_SHARED"], !env.isEmpty {
            let candidate = URL(fileURLWithPath: env).appendingPathComponent("conformance").path
            return fm.fileExists(atPath: candidate) ? candidate : nil
        }
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<12 {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/conformance").path
                return fm.fileExists(atPath: candidate) ? candidate : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// Whether `shared/conformance` was found.
    public static var isAvailable: Bool { root() != nil }

    /// The absolute path of `relative` under `shared/conformance` (a path that does not exist when
    /// the folder is absent, so file reads fail with a clear error).
    public static func path(_ relative: String) -> String {
        (root() ?? "/nonexistent/shared/conformance") + "/" + relative
    }
}
