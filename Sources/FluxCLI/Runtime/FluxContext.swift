import Foundation
import GoCompat
import KubeModel

/// What a flux command body works with: its invocation, the global options, the logger and the
/// cluster session helpers.
public struct FluxContext: Sendable {
    public let invocation: Invocation
    public let options: GlobalOptions
    public let logger: Logger

    public init(_ invocation: Invocation) {
        self.invocation = invocation
        self.options = GlobalOptions(invocation.flags)
        self.logger = Logger(invocation.environment)
    }

    public var environment: FluxEnvironment { invocation.environment }
    public var flags: FlagValues { invocation.flags }
    public var args: [String] { invocation.args }
    /// `-n/--namespace`.
    public var namespace: String { options.namespace }

    func out(_ text: String) { environment.out(text) }
    func err(_ text: String) { environment.err(text) }

    /// Runs `body` with a cluster session.
    func withSession<T: Sendable>(_ body: (KubeSession) async throws -> T) async throws -> T {
        try await KubeSession.with(options, environment, body)
    }

    /// A poller with flux's interval and the `--timeout` budget.
    var poller: Poller { Poller(interval: environment.pollInterval, timeout: options.timeout, environment: environment) }

    var rowContext: RowContext { RowContext(timeZone: TimeZoneInfo(environment.timeZone)) }
}

/// `wait.PollUntilContextTimeout` with an immediate first check: calls `condition` every
/// `interval` until it returns true, throws, or `timeout` passes (`context deadline exceeded`).
/// On a terminal, a spinner runs on standard error while waiting.
struct Poller: Sendable {
    let interval: Duration
    let timeout: GoDuration
    let environment: FluxEnvironment

    static let deadlineExceeded = "context deadline exceeded"

    /// Polls until `condition` returns a value, and returns it.
    func until<T: Sendable>(_ condition: @Sendable () async throws -> T?) async throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout.swiftDuration)
        let spinner = environment.stderrIsTerminal ? Spinner.start(environment) : nil
        do {
            let value = try await loop(clock, deadline, condition)
            await spinner?.stop()
            return value
        } catch {
            await spinner?.stop()
            throw error
        }
    }

    private func loop<T: Sendable>(_ clock: ContinuousClock, _ deadline: ContinuousClock.Instant,
                                   _ condition: @Sendable () async throws -> T?) async throws -> T {
        while true {
            if let value = try await condition() { return value }
            if clock.now.advanced(by: interval) > deadline {
                let remaining = deadline - clock.now
                if remaining > .zero { try await Task.sleep(for: remaining) }
                if let value = try await condition() { return value }
                throw FluxCLIError(Self.deadlineExceeded)
            }
            try await Task.sleep(for: interval)
        }
    }
}

/// A progress spinner on a terminal's standard error, erased when cancelled.
enum Spinner {
    static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func start(_ environment: FluxEnvironment) -> SpinnerHandle {
        let task = Task {
            var i = 0
            while !Task.isCancelled {
                environment.err("\r\(frames[i % frames.count]) ")
                i += 1
                try? await Task.sleep(for: .milliseconds(120))
            }
        }
        return SpinnerHandle(task: task, environment: environment)
    }
}

struct SpinnerHandle: Sendable {
    let task: Task<Void, Never>
    let environment: FluxEnvironment

    /// Stops the spinner and erases its line.
    func stop() async {
        task.cancel()
        await task.value
        environment.err("\r\u{1B}[K")
    }
}
