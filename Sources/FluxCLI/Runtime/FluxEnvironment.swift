import Foundation
import GoCompat

/// Where the CLI writes: standard output or standard error.
public enum OutputStream: Sendable {
    case stdout
    case stderr
}

/// The CLI's output. Writes are line-buffered text; tests capture both streams in one buffer, as
/// flux's own tests do (`rootCmd.SetOut(buf); rootCmd.SetErr(buf)`).
public protocol FluxOutput: Sendable {
    func write(_ text: String, to stream: OutputStream)
}

/// The process's standard output and error.
public struct StandardOutput: FluxOutput {
    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}

/// Collects everything written, in order, for tests and for in-process callers.
public final class CapturedOutput: FluxOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var combined = ""
    private var perStream: [OutputStream: String] = [:]

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        lock.lock()
        combined += text
        perStream[stream, default: ""] += text
        lock.unlock()
    }

    /// Both streams interleaved in write order.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return combined
    }

    /// One stream's text.
    public func text(of stream: OutputStream) -> String {
        lock.lock()
        defer { lock.unlock() }
        return perStream[stream] ?? ""
    }
}

/// Answers interactive prompts (promptui's confirm); `nil` means end of input.
public protocol FluxInput: Sendable {
    func readLine() async -> String?
}

/// Reads prompt answers from standard input.
public struct StandardInput: FluxInput {
    public init() {}

    public func readLine() async -> String? {
        await Task.detached { Swift.readLine(strippingNewline: true) }.value
    }
}

/// Fixed answers, one per prompt (tests).
public final class ScriptedInput: FluxInput, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }

    public func readLine() async -> String? {
        lock.withLock { lines.isEmpty ? nil : lines.removeFirst() }
    }
}

/// Everything the CLI takes from its surroundings, injectable for in-process tests: program name,
/// environment variables, working directory, streams, clock, time zone and poll interval.
public struct FluxEnvironment: Sendable {
    /// `flux` or `swiftflux`: the root command's name and the name completion scripts call.
    public var programName: String
    public var variables: [String: String]
    public var workingDirectory: String
    public var output: any FluxOutput
    public var input: any FluxInput
    public var stdinIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// How often waits poll the cluster (flux: 2s).
    public var pollInterval: Duration
    /// The zone `time.Time.String()` and `Format(time.RFC3339)` render in (Go's `time.Local`).
    public var timeZone: TimeZone
    public var now: @Sendable () -> GoTime
    /// Reads an SSH server's host key for `create secret git` / `create source git` over SSH.
    public var hostKeyScanner: any HostKeyScanner
    /// Commands beyond flux's, listed under the root (swiftflux's own `up`, `helm`, …).
    public var extraCommands: [Command]
    /// The default `--log-file` of `logs`: where `swiftflux up`'s controllers write JSON lines.
    public var defaultLogFile: String?
    /// The tag of the SwiftFlux image `install` deploys (the build's version).
    public var imageTag: String = "latest"
    /// What `--version` prints after `<program> version ` (flux's CLI version unless set).
    public var programVersion: String = FluxVersion.cli

    public init(programName: String = "flux", variables: [String: String] = ProcessInfo.processInfo.environment,
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                output: any FluxOutput = StandardOutput(), input: any FluxInput = StandardInput(),
                stdinIsTerminal: Bool = isatty(0) == 1, stderrIsTerminal: Bool = isatty(2) == 1,
                pollInterval: Duration = .seconds(2), timeZone: TimeZone = .current,
                now: @escaping @Sendable () -> GoTime = { GoTime.now() },
                hostKeyScanner: any HostKeyScanner = SSHHostKeyScanner(), extraCommands: [Command] = [],
                defaultLogFile: String? = nil) {
        self.programName = programName
        self.variables = variables
        self.workingDirectory = workingDirectory
        self.output = output
        self.input = input
        self.stdinIsTerminal = stdinIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.pollInterval = pollInterval
        self.timeZone = timeZone
        self.now = now
        self.hostKeyScanner = hostKeyScanner
        self.extraCommands = extraCommands
        self.defaultLogFile = defaultLogFile
    }

    /// Resolves `path` against the working directory (absolute paths and `~/` are kept/expanded).
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") {
            return (variables["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
        }
        return (workingDirectory as NSString).appendingPathComponent(path)
    }

    func out(_ text: String) { output.write(text, to: .stdout) }
    func err(_ text: String) { output.write(text, to: .stderr) }
}
