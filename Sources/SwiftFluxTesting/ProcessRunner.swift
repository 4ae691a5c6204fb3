import Foundation
import Synchronization

/// The outcome of a finished (or killed) subprocess.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The process was killed because it outlived its timeout.
    public var timedOut: Bool
}

/// Runs subprocesses without busy-waiting: the termination handler resumes the caller, output goes
/// through temporary files (no pipe can fill up), and a timeout kills the process.
public enum ProcessRunner {
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: String? = nil, timeout: Double = 60) async throws -> ProcessResult {
        let scratch = NSTemporaryDirectory() + "swiftflux-proc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outPath = scratch + "/out", errPath = scratch + "/err", inPath = scratch + "/in"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        let (done, continuation) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        try process.run()
        let pid = process.processIdentifier
        let fired = Mutex(false)
        let killer = Task {
            try await Task.sleep(for: .seconds(timeout))
            fired.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        for await _ in done { break }
        killer.cancel()
        let timedOut = fired.withLock { $0 }
        try? outHandle.close(); try? errHandle.close(); try? inHandle.close()
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err,
                             timedOut: timedOut)
    }
}
