#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension Storage {
    /// Takes the exclusive file lock `<local path>.lock` of the artifact at `path`
    /// (`Storage.Lock`, `lockedfile.MutexAt`): `flock(LOCK_EX)` on the lock file, so writers in
    /// other processes and in this one exclude each other. Waiting polls without blocking a
    /// thread; cancelling the task abandons the wait. The lock file stays after unlocking.
    /// - Throws: `.io` when the lock file cannot be opened, `.lock` when the wait was cancelled.
    public func lock(_ path: String) async throws(ArtifactStorageError) -> ArtifactLock {
        let lockPath = try requireLocalPath(path) + ".lock"
        let cancelled = ArtifactStorageError(.lock, "waiting for lock \(lockPath): cancelled")
        if Task.isCancelled { throw cancelled }
        let fd: Int32
        do {
            fd = try await BlockingIO.run { () throws(ArtifactStorageError) in
                let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
                if fd < 0 { throw POSIXFile.failure("open", lockPath) }
                return fd
            }
        } catch {
            throw Task.isCancelled ? cancelled : error
        }
        var delay: Duration = .microseconds(500)
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return ArtifactLock(fd: fd, path: lockPath) }
            let code = errno
            if code != EWOULDBLOCK, code != EINTR {
                _ = close(fd)
                throw POSIXFile.failure("flock", lockPath, code)
            }
            do { try await Task.sleep(for: delay) } catch {
                _ = close(fd)
                throw cancelled
            }
            delay = min(delay * 2, .milliseconds(50))
        }
    }
}

/// A held artifact lock. `unlock()` releases it (idempotent); dropping the last reference
/// releases it too.
public final class ArtifactLock: Sendable {
    /// The lock file's absolute path.
    public let path: String
    private let fd: Mutex<Int32>

    init(fd: Int32, path: String) {
        self.fd = Mutex(fd)
        self.path = path
    }

    /// Releases the lock.
    public func unlock() {
        let descriptor = fd.withLock { value -> Int32 in
            defer { value = -1 }
            return value
        }
        if descriptor >= 0 {
            _ = flock(descriptor, LOCK_UN)
            _ = close(descriptor)
        }
    }

    deinit { unlock() }
}
