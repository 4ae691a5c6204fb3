/// Streams through a gzip'd tarball held in memory without extracting it: each member is
/// offered to `select`, which returns how many of its bytes to collect (nil to skip it);
/// `handle` then receives the member and the collected bytes. Decompression stops with
/// `.sizeLimit` past `maxDecompressedSize`.
public enum TarGzScanner {
    public static func scan(_ gzip: [UInt8], maxDecompressedSize: Int,
                            select: @escaping (TarEntry) throws(ArtifactStorageError) -> Int?,
                            handle: @escaping (TarEntry, [UInt8]) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) {
        var current: TarEntry?
        var limit = 0
        var data: [UInt8] = []
        let parser = TarStreamParser { (event) throws(ArtifactStorageError) in
            switch event {
            case .begin(let entry):
                if let wanted = try select(entry) {
                    current = entry
                    limit = wanted
                    data = []
                } else {
                    current = nil
                }
            case .data(let bytes):
                guard current != nil else { return }
                if data.count + bytes.count > limit {
                    throw ArtifactStorageError(.sizeLimit, "member exceeds \(limit) bytes")
                }
                data += bytes
            case .end:
                if let entry = current { try handle(entry, data) }
                current = nil
            }
        }
        var reference: GzipInflater?
        let inflater = try GzipInflater(limit: maxDecompressedSize) { (chunk) throws(ArtifactStorageError) in
            try parser.feed(chunk)
            if parser.isDone { reference?.stop() }
        }
        reference = inflater
        defer { reference = nil }
        try inflater.write(gzip[...])
        try inflater.finish()
        try parser.finish()
    }
}
