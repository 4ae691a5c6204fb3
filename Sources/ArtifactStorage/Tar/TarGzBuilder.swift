/// Builds a gzip'd tarball in memory from explicit entries, as Go's `archive/tar` +
/// `compress/gzip` writers lay it out (USTAR headers, PAX for long or non-ASCII names, two
/// zero blocks at the end). Used to package Helm charts and to make test fixtures.
public struct TarGzBuilder: Sendable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case file, directory, symlink(target: String) }
        public var name: String
        public var kind: Kind
        public var data: [UInt8]
        public var mode: Int
        /// Seconds since the epoch written into the header.
        public var modificationTime: Int64

        public init(name: String, kind: Kind = .file, data: [UInt8] = [], mode: Int = 0o644, modificationTime: Int64 = 0) {
            self.name = name
            self.kind = kind
            self.data = data
            self.mode = mode
            self.modificationTime = modificationTime
        }
    }

    public var entries: [Entry] = []
    public var header: GzipHeader

    public init(header: GzipHeader = GzipHeader()) { self.header = header }

    public mutating func add(_ entry: Entry) { entries.append(entry) }

    /// Adds a regular file.
    public mutating func addFile(_ name: String, _ data: [UInt8], mode: Int = 0o644, modificationTime: Int64 = 0) {
        entries.append(Entry(name: name, data: data, mode: mode, modificationTime: modificationTime))
    }

    /// The uncompressed tar stream.
    public func tarBytes() -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            var h: TarHeader
            switch entry.kind {
            case .file: h = TarHeader(name: entry.name, kind: .regular, mode: entry.mode, size: Int64(entry.data.count))
            case .directory: h = TarHeader(name: entry.name, kind: .directory, mode: entry.mode, size: 0)
            case .symlink(let target): h = TarHeader(name: entry.name, kind: .symlink, mode: entry.mode, size: 0, linkName: target)
            }
            h.modificationTime = entry.modificationTime
            out += h.encoded()
            if case .file = entry.kind {
                out += entry.data
                out += [UInt8](repeating: 0, count: (512 - entry.data.count % 512) % 512)
            }
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }

    /// The gzip'd tarball.
    public func build() throws(ArtifactStorageError) -> [UInt8] {
        try Self.gzip(tarBytes(), header: header)
    }

    /// Gzip-compresses `bytes` with the given member header.
    public static func gzip(_ bytes: [UInt8], header: GzipHeader = GzipHeader()) throws(ArtifactStorageError) -> [UInt8] {
        var out: [UInt8] = []
        let deflater = try GzipDeflater(header: header) { (chunk) throws(ArtifactStorageError) in out += chunk }
        try deflater.write(bytes)
        try deflater.finish()
        return out
    }
}
