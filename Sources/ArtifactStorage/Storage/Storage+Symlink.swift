extension Storage {
    /// Points `<artifact directory>/<linkName>` at the artifact at `path` (atomically, through
    /// `<linkName>.tmp`) and returns the link's URL `http://<hostname>/<dir>/<linkName>`
    /// (`Storage.Symlink`; like upstream, always `http://`). The link target is the artifact's
    /// absolute local path, so the file server follows it within the storage root.
    public func symlink(_ path: String, linkName: String) async throws(ArtifactStorageError) -> String {
        let local = try requireLocalPath(path)
        let link = POSIXFile.parentDirectory(local) + "/" + linkName
        try await BlockingIO.run { () throws(ArtifactStorageError) in
            let temporary = link + ".tmp"
            if try POSIXFile.info(temporary) != nil { try POSIXFile.removeFile(temporary) }
            try POSIXFile.makeSymlink(target: local, at: temporary)
            try POSIXFile.move(temporary, link)
        }
        let directory = POSIXFile.parentDirectory(path)
        let joined = directory == "." ? linkName : directory + "/" + linkName
        return "http://\(hostname)/\(Self.cleanPath(joined))"
    }

    /// Go's `path.Clean` for relative paths.
    static func cleanPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
