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

    /// The address below which execution must not recurse, for a run starting here.
    static func floor() -> UInt {
        let here = currentAddress()
        return here > budget ? here - budget : 0
    }

    /// True when the current frame is below `floor`.
    @inline(__always)
    static func exhausted(floor: UInt) -> Bool { currentAddress() < floor }
}
