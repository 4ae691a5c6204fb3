/// When a failed item may be retried (client-go `workqueue.RateLimiter`).
///
/// Contract: `delay(afterFailures:)` is the wait before an item that failed `n` times before may be
/// processed again (and takes a bucket token). The owning `WorkQueue` keeps each item's failure
/// count and serialises calls.
public struct RetryRateLimiter: Sendable {
    /// Per-item exponential backoff: `base * 2^failures`, capped at `maximum`.
    public var base: Duration
    public var maximum: Duration
    /// An overall token bucket shared by all items (`qps` tokens per second, `burst` at most);
    /// nil disables it. The delay of an item is the larger of the two limits (client-go `MaxOf`).
    public var bucket: (qps: Double, burst: Int)?

    private var tokens: Double
    private var lastRefill: ContinuousClock.Instant = .now
    /// The instant until which the bucket is already reserved (delays accumulate as in x/time/rate).
    private var reservedUntil: ContinuousClock.Instant = .now

    /// controller-runtime's default: 5 ms → 1000 s per item, plus a 10 qps / 100 burst bucket.
    public static let controllerRuntimeDefault = RetryRateLimiter(base: .milliseconds(5), maximum: .seconds(1000), bucket: (10, 100))

    /// Flux's controllers: `--min-retry-delay` (750 ms) → `--max-retry-delay` (15 m), no bucket.
    public static func flux(minRetryDelay: Duration = .milliseconds(750), maxRetryDelay: Duration = .seconds(900)) -> RetryRateLimiter {
        RetryRateLimiter(base: minRetryDelay, maximum: maxRetryDelay, bucket: nil)
    }

    public init(base: Duration, maximum: Duration, bucket: (qps: Double, burst: Int)?) {
        self.base = base
        self.maximum = maximum
        self.bucket = bucket
        tokens = Double(bucket?.burst ?? 0)
    }

    public mutating func delay(afterFailures failures: Int, now: ContinuousClock.Instant = .now) -> Duration {
        var delay = maximum
        if failures < 62 {
            let scaled = base * Double(1 << UInt64(failures))
            if scaled < maximum { delay = scaled }
        }
        if let bucket { delay = Swift.max(delay, reserve(bucket, now: now)) }
        return delay
    }

    /// Takes one token, returning how long the caller must wait for it.
    private mutating func reserve(_ bucket: (qps: Double, burst: Int), now: ContinuousClock.Instant) -> Duration {
        guard bucket.qps > 0 else { return .zero }
        let elapsed = now - lastRefill
        lastRefill = now
        tokens = Swift.min(Double(bucket.burst), tokens + elapsed.seconds * bucket.qps)
        tokens -= 1
        if tokens >= 0 { return .zero }
        let wait = Duration.seconds(-tokens / bucket.qps)
        reservedUntil = now + wait
        return wait
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
