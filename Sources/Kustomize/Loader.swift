/// Which files a kustomization may read (kustomize's `--load-restrictor`).
public enum LoadRestrictions: Sendable, Equatable {
    /// Only files in or below the kustomization's own directory (kustomize's default).
    case rootOnly
    /// Any file the file system serves (what Flux uses).
    case none
}

/// Reads files relative to one kustomization directory and opens loaders for its bases,
/// refusing cycles (kustomize's `FileLoader`).
struct Loader: Sendable {
    let fs: any KustomizeFileSystem
    /// The directory, absolute, links resolved.
    let root: String
    let restrictions: LoadRestrictions
    /// Roots of the kustomizations that led here (for cycle detection).
    let ancestors: [String]

    /// A loader at the directory `path` (absolute), which must exist.
    static func atRoot(fs: any KustomizeFileSystem, path: String, restrictions: LoadRestrictions) throws(KustomizeError) -> Loader {
        let clean = KustomizePath.clean(path)
        let real = try fs.resolve(clean)
        guard fs.isDirectory(real) else {
            if fs.exists(real) {
                throw KustomizeError(.notFound, "must build at directory: '\(clean)': file is not directory")
            }
            throw KustomizeError(.notFound, "must build at directory: not a valid directory: evalsymlink failure on '\(clean)' : lstat \(clean): no such file or directory")
        }
        return Loader(fs: fs, root: real, restrictions: restrictions, ancestors: [])
    }

    /// The bytes of `path` (relative to the root, or absolute), after the load restriction check.
    func load(_ path: String) throws(KustomizeError) -> [UInt8] {
        let full = KustomizePath.join(root, path)
        if restrictions == .rootOnly {
            let real: String
            do { real = try fs.resolve(full) } catch {
                if error.kind == .restricted {
                    throw KustomizeError(.restricted, "security; file '\(full)' is not in or below '\(root)'")
                }
                throw error
            }
            if fs.isDirectory(real) { throw KustomizeError(.notFound, "'\(full)' must resolve to a file") }
            if !fs.exists(real) {
                throw KustomizeError(.notFound, "evalsymlink failure on '\(full)' : lstat \(full): no such file or directory")
            }
            guard KustomizePath.isWithin(KustomizePath.dir(real), root: root) else {
                throw KustomizeError(.restricted, "security; file '\(full)' is not in or below '\(root)'")
            }
            return try fs.readFile(real)
        }
        return try fs.readFile(full)
    }

    /// Whether `path` names a remote (git or http) resource, which this build refuses.
    static func isRemote(_ path: String) -> Bool {
        path.contains("://") || path.hasPrefix("git@") || path.hasPrefix("github.com/")
            || path.hasPrefix("gitlab.com/") || path.hasPrefix("bitbucket.org/") || path.contains("?ref=")
    }

    /// A loader for the sub-directory `path` (a base or component).
    func new(_ path: String) throws(KustomizeError) -> Loader {
        if path.isEmpty { throw KustomizeError(.invalid, "new root cannot be empty") }
        if Self.isRemote(path) {
            throw KustomizeError(.restricted, "remote resources are not supported: '\(path)'")
        }
        if path.hasPrefix("/") { throw KustomizeError(.invalid, "new root '\(path)' cannot be absolute") }
        let full = KustomizePath.join(root, path)
        let real: String
        do { real = try fs.resolve(full) } catch {
            throw error.prefixed("must build at directory: not a valid directory")
        }
        guard fs.isDirectory(real) else {
            if fs.exists(real) {
                throw KustomizeError(.notFound, "must build at directory: '\(full)': file is not directory")
            }
            throw KustomizeError(.notFound, "must build at directory: not a valid directory: evalsymlink failure on '\(full)' : lstat \(full): no such file or directory")
        }
        for visited in [root] + ancestors where KustomizePath.isWithin(visited, root: real) {
            throw KustomizeError(.cycle, "cycle detected: candidate root '\(real)' contains visited root '\(visited)'")
        }
        return Loader(fs: fs, root: real, restrictions: restrictions, ancestors: [root] + ancestors)
    }

    static let kustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"]

    /// The kustomization file's text and name. Throws `.missingKustomization` when there is none.
    func loadKustomizationFile() throws(KustomizeError) -> (text: String, name: String) {
        var found: [(String, String)] = []
        for name in Self.kustomizationFileNames {
            let path = KustomizePath.join(root, name)
            if fs.exists(path), !fs.isDirectory(path), let bytes = try? fs.readFile(path) {
                found.append((String(decoding: bytes, as: UTF8.self), name))
            }
        }
        switch found.count {
        case 0:
            throw KustomizeError(.missingKustomization,
                                 "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '\(root)'")
        case 1: return found[0]
        default: throw KustomizeError(.invalid, "Found multiple kustomization files under: \(root)\n")
        }
    }
}
