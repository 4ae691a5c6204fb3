/// Resource budgets for functions whose result size is chosen by their arguments (and so by
/// chart values). Go's Sprig has none: Helm runs out of memory or panics instead. Past a
/// budget the function fails with `error calling NAME: <limit message>`.
public enum SprigLimits {
    /// Longest list `until`, `untilStep` and `seq` build.
    public static let maxListLength = 1 << 22
    /// Largest string (in bytes) `repeat`, `randBytes` and the `rand*` functions build.
    public static let maxStringBytes = 100 << 20

    static func checkList(_ count: Int) throws(SprigError) {
        if count > maxListLength {
            throw SprigError("list of \(count) elements exceeds the limit of \(maxListLength)")
        }
    }

    static func checkString(_ bytes: Int) throws(SprigError) {
        if bytes > maxStringBytes {
            throw SprigError("string of \(bytes) bytes exceeds the limit of \(maxStringBytes)")
        }
    }

    /// Elements in `[start, stop)` by `step` (0 when the step does not move towards `stop`).
    static func stepCount(_ start: Int, _ stop: Int, _ step: Int) -> Int {
        if step == 0 || (stop < start && step > 0) || (stop > start && step < 0) || stop == start { return 0 }
        let distance = stop > start ? UInt(bitPattern: stop &- start) : UInt(bitPattern: start &- stop)
        let magnitude = step.magnitude
        let (q, r) = distance.quotientAndRemainder(dividingBy: magnitude)
        let total = q + (r == 0 ? 0 : 1)
        return total > UInt(Int.max) ? Int.max : Int(total)
    }
}
