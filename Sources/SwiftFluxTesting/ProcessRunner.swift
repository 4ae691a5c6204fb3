import Foundation
import Subprocess
import Synchronization
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The outcome of a finished (or killed) subprocess.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The process was killed because it outlived its timeout.
    public var timedOut: Bool
}

/// Runs subprocesses with swift-subprocess: the child is awaited without busy-waiting, stdout and
/// stderr are collected concurrently (no pipe can fill up), and a timeout kills the child with SIGKILL.
public enum ProcessRunner {
    /// Largest amount of stdout or stderr collected per stream; more is an error from the library.
    static let outputLimit = 256 * 1024 * 1024

    /// Runs `executable` with `arguments`, feeding it `stdin` (empty input when nil) and an environment
    /// of exactly `environment` (the caller's environment when nil). When the child outlives `timeout`
    /// seconds it is sent SIGKILL and the result has `timedOut == true`. `status` is the exit code, or
    /// the signal number when the child died from a signal (as Foundation's `terminationStatus`).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: String? = nil, timeout: Double = 60) async throws -> ProcessResult {
        let env: Environment
        if let environment {
            var custom: [Environment.Key: String] = [:]
            for (key, value) in environment {
                if let envKey = Environment.Key(rawValue: key) { custom[envKey] = value }
            }
            env = .custom(custom)
        } else {
            env = .inherit
        }
        // Shared between the child body and the killer: the pid once launched, whether the child
        // was reaped, and whether the timeout fired (then whoever learns of it second kills).
        let state = Mutex<(pid: pid_t?, finished: Bool, fired: Bool)>((nil, false, false))
        // A Dispatch timer, not a Task: it fires on time even when the cooperative pool is busy.
        // On a loaded machine it can fire before the body below has recorded the pid; the body
        // then kills the child itself.
        let killer = DispatchWorkItem {
            state.withLock { s in
                guard !s.finished else { return }
                s.fired = true
                if let pid = s.pid { kill(pid, SIGKILL) }
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        defer { killer.cancel() }
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), environment: env,
            input: .string(stdin ?? ""), output: .string(limit: outputLimit), error: .string(limit: outputLimit)
        ) { execution in
            state.withLock { s in
                s.pid = execution.processIdentifier.value
                if s.fired { kill(execution.processIdentifier.value, SIGKILL) }
            }
        }
        let timedOut = state.withLock { s in
            s.finished = true
            return s.fired
        }
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = signal
        }
        return ProcessResult(status: status, stdout: result.standardOutput ?? "",
                             stderr: result.standardError ?? "", timedOut: timedOut)
    }
}
