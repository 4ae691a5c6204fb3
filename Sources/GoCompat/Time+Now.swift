#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension GoTime {
    /// The current wall-clock time (`time.Now()` in UTC).
    public static func now() -> GoTime {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return GoTime(unixSeconds: Int64(ts.tv_sec), nanosecond: Int32(ts.tv_nsec))
    }
}
