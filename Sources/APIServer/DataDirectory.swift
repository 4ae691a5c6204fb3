import APIServerCore
import Foundation

/// The server's data directory: created (or tightened) to mode 0700, and the files in it that
/// hold Secrets or credentials to 0600, so no other local user can read them.
enum DataDirectory {
    /// Creates `path` with mode 0700, or sets 0700 on an existing directory.
    static func prepare(_ path: String) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        } catch {
            throw APIServerError.internalError("cannot prepare data directory \(path): \(error.localizedDescription)")
        }
    }

    /// Creates the database file empty with mode 0600 when missing (SQLite gives its WAL and
    /// shared-memory files the database file's mode), and sets 0600 on any existing database,
    /// WAL and shared-memory file.
    static func prepareDatabase(_ path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd < 0 && errno != EEXIST {
                throw APIServerError.internalError("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            if fd >= 0 { close(fd) }
        }
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            if chmod(file, 0o600) != 0 {
                throw APIServerError.internalError("cannot set mode 0600 on \(file): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The ServiceAccount token signing key (`sa-signing.key`, 32 random bytes hex-encoded, mode
    /// 0600), created on first use.
    static func signingKey(in directory: String) throws -> [UInt8] {
        let path = (directory as NSString).appendingPathComponent("sa-signing.key")
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var bytes: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex),
                  let byte = UInt8(hex[index..<next], radix: 16) {
                bytes.append(byte)
                index = next
            }
            guard bytes.count >= 32 else {
                throw APIServerError.internalError("\(path) is not a valid signing key (expected 64 hex digits)")
            }
            return bytes
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw APIServerError.internalError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count else { throw APIServerError.internalError("cannot write \(path)") }
        return bytes
    }
}
