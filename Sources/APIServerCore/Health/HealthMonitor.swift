import Logging
import Synchronization

/// Faults the server met outside any one request (a corrupt log record, a CRD that cannot be
/// served again after a restart, a failed garbage-collection pass or compaction): each is logged
/// as an error and reported by `/readyz` until the same check passes again, so nothing fails
/// silently.
public final class HealthMonitor: Sendable {
    private let failures = Mutex<[String: String]>([:])
    private let logger: Logger

    public init(logger: Logger = Logger(label: "swiftflux.apiserver")) {
        self.logger = logger
    }

    /// Records that `check` failed with `message` (and logs it).
    public func fail(_ check: String, _ message: String) {
        logger.error("\(check): \(message)")
        failures.withLock { $0[check] = message }
    }

    /// Records that `check` is healthy again.
    public func pass(_ check: String) {
        _ = failures.withLock { $0.removeValue(forKey: check) }
    }

    /// The failing checks and their messages, by check name.
    public var failing: [(check: String, message: String)] {
        failures.withLock { $0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The `/readyz` (or `/livez`, `/healthz`) answer: `ok` when healthy (the check list with
    /// `verbose`); otherwise 500 with `[-]<check> failed: <message>` lines and `<endpoint> check
    /// failed`, as kube-apiserver formats it.
    public func report(endpoint: String, verbose: Bool, includeFailures: Bool = true) -> (code: Int, text: String) {
        let failing = includeFailures ? self.failing : []
        if failing.isEmpty && !verbose { return (200, "ok") }
        var lines = ["[+]ping ok", "[+]log ok", "[+]storage ok"]
        for failure in failing { lines.append("[-]\(failure.check) failed: \(failure.message)") }
        if failing.isEmpty {
            lines.append("\(endpoint) check passed")
            return (200, lines.joined(separator: "\n") + "\n")
        }
        lines.append("\(endpoint) check failed")
        return (500, lines.joined(separator: "\n") + "\n")
    }
}
