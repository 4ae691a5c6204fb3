/// A token bucket (client-go's `flowcontrol` QPS/burst limiter) as a pure value.
///
/// The bucket starts full (`burst` tokens) and refills at `qps` tokens per second. `reserve(at:)`
/// takes a token and returns how long the caller must wait before using it (zero when a token
/// was available); reservations queue up, so waits grow linearly once the bucket is empty.
public struct TokenBucket: Sendable, Equatable {
    public let qps: Double
    public let burst: Int
    private var tokens: Double
    private var last: Double?

    public init(qps: Double, burst: Int) {
        self.qps = qps
        self.burst = max(1, burst)
        self.tokens = Double(max(1, burst))
    }

    /// Takes one token at time `now` (seconds on any monotonic clock) and returns the wait in seconds.
    public mutating func reserve(at now: Double) -> Double {
        guard qps > 0 else { return 0 }
        if let last {
            tokens = min(Double(burst), tokens + (now - last) * qps)
        }
        last = now
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / qps
    }
}

/// The shared limiter of one client: callers `await acquire()` before each request.
public actor RateLimiter {
    private var bucket: TokenBucket
    private let start = ContinuousClock.now

    /// `qps <= 0` disables limiting.
    public init(qps: Double, burst: Int) { bucket = TokenBucket(qps: qps, burst: burst) }

    /// Waits until the request may be sent.
    public func acquire() async throws {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let wait = bucket.reserve(at: seconds)
        // Cap the wait (an absurdly small QPS must not overflow the conversion).
        if wait > 0 { try await Task.sleep(for: .nanoseconds(Int64(min(wait, 3600) * 1e9))) }
    }
}
