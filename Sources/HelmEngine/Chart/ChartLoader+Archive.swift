import CompressNIO
import GoCompat
import NIOCore

extension ChartLoader {
    /// Loads a gzipped tar chart archive (Helm's `LoadArchive`): the first path component of
    /// every entry is stripped, unsafe paths are rejected, sizes are capped by `limits`, and a
    /// UTF-8 BOM is removed from each file.
    public func loadArchive(_ data: [UInt8]) throws(HelmError) -> Chart {
        try load(files: archiveFiles(data))
    }

    /// The files of a chart archive, named relative to the chart root.
    public func archiveFiles(_ data: [UInt8]) throws(HelmError) -> [ChartFile] {
        let tar = try gunzip(data)
        var reader = TarReader(tar)
        var files: [ChartFile] = []
        var remaining = limits.maxChartSize
        while let entry = try reader.next() {
            if entry.isDirectory { continue }
            let delimiter: Character = entry.name.contains("\\") ? "\\" : "/"
            let parts = entry.name.split(separator: delimiter, omittingEmptySubsequences: false)
            var name = parts.dropFirst().joined(separator: "/")
            if name.hasPrefix("/") { throw HelmError(.chart, "chart illegally contains absolute paths") }
            name = Self.cleanPath(name)
            if name == "." {
                throw HelmError(.chart, "chart illegally contains content outside the base directory: \(GoQuote.quote(entry.name))")
            }
            if name.hasPrefix("..") { throw HelmError(.chart, "chart illegally references parent directory") }
            if Self.hasDrivePrefix(name) { throw HelmError(.chart, "chart contains illegally named files") }
            if parts.first == "Chart.yaml" { throw HelmError(.chart, "chart yaml not in base directory") }
            let size = entry.data.count
            if size > remaining { throw sizeError() }
            if size > limits.maxFileSize {
                throw HelmError(.chart, "decompressed chart file \(GoQuote.quote(entry.name)) is larger than the maximum file size \(limits.maxFileSize)")
            }
            remaining -= size
            if remaining <= 0 { throw sizeError() }
            files.append(ChartFile(name: name, data: Self.stripBOM(Array(entry.data))))
        }
        if files.isEmpty { throw HelmError(.chart, "no files in chart archive") }
        return files
    }

    private func sizeError() -> HelmError {
        HelmError(.chart, "decompressed chart is larger than the maximum size \(limits.maxChartSize)")
    }

    /// gzip-decompresses `data`, refusing output beyond the chart size cap (plus tar overhead).
    func gunzip(_ data: [UInt8]) throws(HelmError) -> [UInt8] {
        guard data.count >= 2, data[0] == 0x1f, data[1] == 0x8b else {
            throw HelmError(.chart, "gzip: invalid header")
        }
        var buffer = ByteBuffer(bytes: data)
        let cap = limits.maxChartSize + limits.maxChartSize / 4 + (1 << 20)
        do {
            let out = try buffer.decompress(with: .gzip(), maxSize: cap)
            return Array(out.readableBytesView)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw sizeError()
        } catch {
            throw HelmError(.chart, "gzip: invalid compressed data (\(error))")
        }
    }

    static func stripBOM(_ data: [UInt8]) -> [UInt8] {
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { return Array(data.dropFirst(3)) }
        return data
    }

    static func hasDrivePrefix(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars.prefix(3))
        guard scalars.count >= 2, scalars[1] == ":" else { return false }
        let c = scalars[0]
        guard (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") else { return false }
        return scalars.count == 3 && scalars[2] == "/"
    }

    /// Go's `path.Clean`.
    static func cleanPath(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." { out.removeLast() }
                else if !rooted { out.append(part) }
                continue
            }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
