#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Safe extraction of gzip'd tarballs (fluxcd/pkg `tar.Untar`, as the artifact fetcher uses
/// it): names must be relative and may not climb out of the target (`..`), symlinks are
/// skipped or refused, the sum of member sizes is capped, and the decompressed stream is capped
/// too so a gzip bomb stops early. Nothing is read into memory beyond one 64 KiB chunk.
public enum Untar {
    public struct Options: Sendable, Equatable {
        /// Upper bound of the sum of member sizes (`tar.DefaultMaxUntarSize`, 100 MiB); a
        /// negative value disables the check (`tar.UnlimitedUntarSize`).
        public var maxUntarSize: Int
        /// Skip symlink members instead of failing (`tar.WithSkipSymlinks`).
        public var skipSymlinks: Bool

        public init(maxUntarSize: Int = 100 << 20, skipSymlinks: Bool = true) {
            self.maxUntarSize = maxUntarSize
            self.skipSymlinks = skipSymlinks
        }
    }

    /// Extracts the gzip'd tarball at `archivePath` into `directory` (created when missing).
    /// - Throws: `ArtifactStorageError` worded as fluxcd/pkg's: "requires gzip-compressed body:
    ///   …", "tar error: …", "tar \"<name>\" is bigger than max archive size of <n> bytes",
    ///   "tar contained invalid name error \"<name>\"", "tar file entry <name> is a symlink,
    ///   which is not allowed in this context", "dir '<dir>' must be a directory".
    public static func extract(archivePath: String, into directory: String, options: Options = Options()) async throws(ArtifactStorageError) {
        try await BlockingIO.run { () throws(ArtifactStorageError) in
            let extractor = try Extractor(directory: directory, options: options)
            try FileReader.forEachChunk(archivePath) { (chunk) throws(ArtifactStorageError) in try extractor.write(chunk) }
            try extractor.finish()
        }
    }

    /// Extracts a gzip'd tarball held in memory.
    public static func extract(gzipBytes: [UInt8], into directory: String, options: Options = Options()) async throws(ArtifactStorageError) {
        try await BlockingIO.run { () throws(ArtifactStorageError) in
            let extractor = try Extractor(directory: directory, options: options)
            try extractor.write(gzipBytes[...])
            try extractor.finish()
        }
    }

    /// Go's `validRelPath` of fluxcd/pkg/tar plus a component check, so `..` alone or as the
    /// last component cannot name a path outside the target either.
    static func isValidRelativePath(_ name: String) -> Bool {
        if name.isEmpty || name.contains("\\") || name.hasPrefix("/") || name.contains("../") { return false }
        return !name.split(separator: "/").contains("..")
    }
}

/// The extraction state machine behind `Untar`: gzip → tar events → files.
final class Extractor {
    let root: String
    let options: Untar.Options
    private var inflater: GzipInflater!
    private var parser: TarStreamParser!
    private var processed: Int64 = 0
    private var current: FileWriter?
    private var currentPath = ""
    private var currentExpected: Int64 = 0
    private var currentWritten: Int64 = 0
    private var made: Set<String> = []
    /// The last error thrown while handling a tar event (not re-wrapped as a format error).
    private var handlerError: ArtifactStorageError?
    private var passThrough: ArtifactStorageError?

    init(directory: String, options: Untar.Options) throws(ArtifactStorageError) {
        var dir = directory
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        root = dir
        self.options = options
        if let info = try POSIXFile.info(dir, follow: false), !info.isDirectory {
            throw ArtifactStorageError(.invalidPath, "dir '\(dir)' must be a directory")
        }
        let cap = options.maxUntarSize < 0 ? Int.max : options.maxUntarSize * 2 + (16 << 20)
        parser = TarStreamParser { [unowned self] (event) throws(ArtifactStorageError) in try self.handle(event) }
        inflater = try GzipInflater(limit: cap) { [unowned self] (chunk) throws(ArtifactStorageError) in
            do throws(ArtifactStorageError) {
                try self.parser.feed(chunk)
                if self.parser.isDone { self.inflater.stop() }
            } catch {
                let wrapped = self.handlerError == error ? error : ArtifactStorageError(.archive, "tar error: \(error.message)")
                self.passThrough = wrapped
                throw wrapped
            }
        }
    }

    func write(_ chunk: ArraySlice<UInt8>) throws(ArtifactStorageError) {
        do { try inflater.write(chunk) } catch {
            throw wrapGzip(error)
        }
    }

    func finish() throws(ArtifactStorageError) {
        do { try inflater.finish() } catch { throw wrapGzip(error) }
        do { try parser.finish() } catch { throw ArtifactStorageError(.archive, "tar error: \(error.message)") }
        try current?.close()
    }

    private func wrapGzip(_ error: ArtifactStorageError) -> ArtifactStorageError {
        if let passThrough, passThrough == error { return error }
        if inflater.produced == 0 { return ArtifactStorageError(.archive, "requires gzip-compressed body: \(error.message)") }
        return ArtifactStorageError(error.kind, "tar error: \(error.message)")
    }

    private func handle(_ event: TarStreamParser.Event) throws(ArtifactStorageError) {
        do { try handleEvent(event) } catch {
            handlerError = error
            throw error
        }
    }

    private func handleEvent(_ event: TarStreamParser.Event) throws(ArtifactStorageError) {
        switch event {
        case .begin(let entry): try begin(entry)
        case .data(let bytes):
            currentWritten += Int64(bytes.count)
            try current?.write(bytes)
        case .end:
            if let writer = current {
                try writer.close()
                current = nil
                if currentWritten != currentExpected {
                    throw ArtifactStorageError(.archive, "only wrote \(currentWritten) bytes to \(currentPath); expected \(currentExpected)")
                }
            }
        }
    }

    private func begin(_ entry: TarEntry) throws(ArtifactStorageError) {
        processed += entry.size
        if options.maxUntarSize >= 0, processed > Int64(options.maxUntarSize) {
            throw ArtifactStorageError(.sizeLimit, "tar \(Self.goQuote(entry.name)) is bigger than max archive size of \(options.maxUntarSize) bytes")
        }
        guard Untar.isValidRelativePath(entry.name) else {
            throw ArtifactStorageError(.invalidPath, "tar contained invalid name error \(Self.goQuote(entry.name))")
        }
        let path = root + "/" + Storage.cleanPath(entry.name)
        switch entry.kind {
        case .directory:
            try POSIXFile.makeDirectories(path, mode: 0o750)
            made.insert(path)
        case .symlink:
            if !options.skipSymlinks {
                throw ArtifactStorageError(.invalidPath, "tar file entry \(entry.name) is a symlink, which is not allowed in this context")
            }
        case .other(let type) where [UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6")].contains(type):
            let letters = type == UInt8(ascii: "3") ? "Dc" : type == UInt8(ascii: "4") ? "D" : "p"
            throw ArtifactStorageError(.archive, "tar file entry \(entry.name) contained unsupported file type \(letters)\(Self.permissionString(entry.mode))")
        default:
            let parent = POSIXFile.parentDirectory(path)
            if !made.contains(parent) {
                try POSIXFile.makeDirectories(parent, mode: 0o750)
                made.insert(parent)
            }
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode_t(entry.mode & 0o777))
            if fd < 0 { throw POSIXFile.failure("open", path) }
            current = FileWriter(fd: fd, path: path)
            currentPath = path
            currentExpected = entry.size
            currentWritten = 0
        }
    }

    static func permissionString(_ mode: Int) -> String {
        let letters = Array("rwxrwxrwx")
        var out = ""
        for i in 0..<9 { out.append(mode & (1 << (8 - i)) != 0 ? letters[i] : "-") }
        return out
    }

    /// Go's `%q` for names (ASCII printable kept, the rest escaped).
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + String(format2: scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    init(format2 value: UInt32) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(value >> 4) & 0xf], digits[Int(value) & 0xf]])
    }
}
