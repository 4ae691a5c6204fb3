#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps deep template recursion from overflowing the thread's stack: execution stops with
/// Go's depth error while a safety margin of stack remains.
enum StackGuard {
    /// Used when the stack bounds cannot be read: the most stack one execution may use.
    static let fallbackBudget: UInt = 256 * 1024

    /// An address on the current stack.
    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Stack one execution may use: half the soft stack limit (at most 4 MiB, at least
    /// 256 KiB), measured from where the execution starts.
    static let budget: UInt = {
        var limit = rlimit()
        #if canImport(Glibc)
        let ok = getrlimit(Int32(RLIMIT_STACK.rawValue), &limit) == 0
        #else
        let ok = getrlimit(RLIMIT_STACK, &limit) == 0
        #endif
        guard ok, limit.rlim_cur < 1 << 40 else { return 4 * 1024 * 1024 }
        let half = UInt(limit.rlim_cur) / 2
        return max(min(half, 4 * 1024 * 1024), fallbackBudget)
    }()

    /// Stack kept free below the floor on threads whose bounds are known.
    static let margin: UInt = 128 * 1024

    /// The address below which execution must not recurse, for a run starting here: `margin`
    /// above the bottom of a secondary thread's stack, or `budget` below the current frame on
    /// the main thread (whose stack grows on demand).
    static func floor() -> UInt {
        // A secondary thread's stack is all allocated up front: use it down to the margin
        // (a caller that wants deep recursion runs on a thread with a big stack).
        if let low = secondaryThreadStackLow() { return low + margin }
        let here = currentAddress()
        return here > budget ? here - budget : 0
    }

    /// The lowest address of the current thread's stack when it is not the main thread
    /// (the main thread grows on demand up to the soft limit, which `budget` respects).
    static func secondaryThreadStackLow() -> UInt? {
        #if canImport(Glibc)
        guard getpid() != threadID() else { return nil }
        var attr = pthread_attr_t()
        guard getattr_np(pthread_self(), &attr) == 0 else { return nil }
        defer { pthread_attr_destroy(&attr) }
        var size = 0
        var addr: UnsafeMutableRawPointer?
        guard pthread_attr_getstack(&attr, &addr, &size) == 0, let addr else { return nil }
        return UInt(bitPattern: addr)
        #else
        return nil
        #endif
    }

    /// True when the current frame is below `floor`.
    @inline(__always)
    static func exhausted(floor: UInt) -> Bool { currentAddress() < floor }
}

#if canImport(Glibc)
@_silgen_name("gettid")
private func threadID() -> Int32

@_silgen_name("pthread_getattr_np")
private func getattr_np(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif
