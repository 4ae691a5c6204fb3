/// The retry policy of `hashicorp/go-retryablehttp` (used by fluxcd/pkg `http/fetch`): retry on
/// connection errors, 429 and 5xx except 501, waiting `min × 2^attempt` capped at `max` (or the
/// `Retry-After` seconds of a 429/503, also capped at `max`).
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt (`--http-retry`, 9 in kustomize-controller).
    public var retries: Int
    public var waitMin: Duration
    public var waitMax: Duration

    public init(retries: Int = 9, waitMin: Duration = .seconds(5), waitMax: Duration = .seconds(30)) {
        self.retries = retries
        self.waitMin = waitMin
        self.waitMax = waitMax
    }

    /// Whether a response status is worth retrying.
    public static func shouldRetry(status: Int) -> Bool {
        status == 429 || status == 0 || (status >= 500 && status != 501)
    }

    /// The wait before retry number `attempt + 1` (attempt counts from 0).
    public func backoff(attempt: Int, status: Int? = nil, retryAfter: String? = nil) -> Duration {
        if let status, status == 429 || status == 503, let retryAfter, let seconds = Int(retryAfter), seconds >= 0 {
            return min(.seconds(seconds), waitMax)
        }
        var wait = waitMin
        for _ in 0..<min(attempt, 62) {
            wait = wait * 2
            if wait >= waitMax { return waitMax }
        }
        return min(wait, waitMax)
    }
}
