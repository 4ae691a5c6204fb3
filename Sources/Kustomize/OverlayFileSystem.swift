/// A file system that serves some files from memory on top of another one (how the Flux
/// generator's kustomization file is built without writing it to disk). Overlay files shadow the
/// base's; their parent directories must exist in the base.
public struct OverlayFileSystem: KustomizeFileSystem {
    public let base: any KustomizeFileSystem
    /// Absolute, cleaned path → content.
    public let files: [String: [UInt8]]

    public init(base: any KustomizeFileSystem, files: [String: [UInt8]]) {
        self.base = base
        var cleaned: [String: [UInt8]] = [:]
        for (path, bytes) in files { cleaned[KustomizePath.clean(path)] = bytes }
        self.files = cleaned
    }

    public func readFile(_ path: String) throws(KustomizeError) -> [UInt8] {
        if let bytes = files[path] { return bytes }
        return try base.readFile(path)
    }

    public func isDirectory(_ path: String) -> Bool { files[path] == nil && base.isDirectory(path) }

    public func exists(_ path: String) -> Bool { files[path] != nil || base.exists(path) }

    public func listDirectory(_ path: String) throws(KustomizeError) -> [String] {
        var names = Set(try base.listDirectory(path))
        for file in files.keys where KustomizePath.dir(file) == path { names.insert(KustomizePath.base(file)) }
        return names.sorted()
    }

    public func resolve(_ path: String) throws(KustomizeError) -> String {
        if files[path] != nil { return path }
        return try base.resolve(path)
    }
}
