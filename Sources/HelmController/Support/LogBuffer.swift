import Foundation
import GoCompat
import HelmActions

/// The last lines of Helm's debug log, for failure events (`internal/action.LogBuffer`).
///
/// Contract: keeps at most `size` distinct consecutive lines (a ring); a line equal to the previous
/// one is folded into it (counted, with its last time) instead of taking a slot. `description`
/// renders each kept line as `<RFC3339Nano UTC>: <line>`, a folded line as its first and last
/// occurrence, plus ` (N duplicate line[s] omitted)` beyond one repeat — helm-controller's format.
public final class LogBuffer: @unchecked Sendable {
    struct Line {
        var first: GoTime
        var last: GoTime
        var message: String
        var count: Int
    }

    private let lock = NSLock()
    private var lines: [Line] = []
    private let size: Int
    private let forward: HelmLog?
    let now: @Sendable () -> GoTime

    public init(size: Int = 10, forward: HelmLog? = nil, now: @escaping @Sendable () -> GoTime = { .now() }) {
        self.size = max(1, size)
        self.forward = forward
        self.now = now
    }

    /// The `HelmLog` that writes into this buffer.
    public var helmLog: HelmLog { HelmLog { [self] line in self.log(line) } }

    public func log(_ message: String) {
        let t = now()
        lock.withLock {
            if var previous = lines.last, previous.message == message {
                previous.count += 1
                previous.last = t
                lines[lines.count - 1] = previous
            } else {
                lines.append(Line(first: t, last: t, message: message, count: 0))
                if lines.count > size { lines.removeFirst(lines.count - size) }
            }
        }
        forward?.write(message)
    }

    public var count: Int { lock.withLock { lines.filter { !$0.message.isEmpty }.count } }

    public var description: String {
        let kept = lock.withLock { lines }
        var out = ""
        for line in kept where !line.message.isEmpty {
            var text = "\(line.first.rfc3339Nano): \(line.message)"
            if line.count > 0 { text += "\n\(line.last.rfc3339Nano): \(line.message)" }
            let omitted = line.count - 1
            if omitted > 0 { text += " (\(omitted) duplicate line\(omitted > 1 ? "s" : "") omitted)" }
            out += text + "\n"
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
