import KubeModel
import Synchronization

/// Per-user limits on requests in flight (kube-apiserver's API Priority and Fairness, reduced to
/// one queue-less level per user): a user with `limit` non-watch requests already being served gets
/// 429 `TooManyRequests` with `Retry-After: 1`, so one busy or hostile client cannot starve the
/// others. `system:masters` is exempt, as APF exempts it.
public final class InFlightLimiter: Sendable {
    public let limit: Int
    private let counts = Mutex<[String: Int]>([:])

    public init(limit: Int = 100) { self.limit = max(1, limit) }

    /// Takes a slot for `user`; false when the user is at the limit.
    func acquire(_ user: UserInfo) -> Bool {
        if user.isMaster { return true }
        return counts.withLock { counts in
            let current = counts[user.name, default: 0]
            guard current < limit else { return false }
            counts[user.name] = current + 1
            return true
        }
    }

    /// Returns a slot taken by `acquire`.
    func release(_ user: UserInfo) {
        if user.isMaster { return }
        counts.withLock { counts in
            let left = counts[user.name, default: 1] - 1
            counts[user.name] = left > 0 ? left : nil
        }
    }

    /// The 429 answer.
    static let tooMany = APIServerError(.tooManyRequests("Too many requests, please try again later.", retryAfterSeconds: 1))
}
