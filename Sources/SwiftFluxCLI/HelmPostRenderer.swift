import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Helm's `--post-renderer` executable (`postrender.NewExec`): the rendered manifest goes to its
/// stdin and its stdout becomes the manifest. The binary is resolved when the flag is given (a
/// name without `/` through `$PATH`, a path relative to the working directory), as Helm's flag
/// setter does, so a missing binary is a flag error.
struct HelmPostRenderer: Sendable {
    /// The absolute path of the executable.
    let path: String
    let arguments: [String]

    /// Resolves `binary` as Go's `exec.LookPath` followed by `filepath.Abs`.
    /// - Throws: `FlagError` worded as Helm's flag error
    ///   (`invalid argument "x" for "--post-renderer" flag: unable to find binary at x: exec: …`).
    init(binary: String, arguments: [String], workingDirectory: String) throws {
        do {
            path = try Self.lookPath(binary, workingDirectory: workingDirectory)
        } catch {
            throw FlagError("invalid argument \"\(binary)\" for \"--post-renderer\" flag: unable to find binary at \(binary): \(error)")
        }
        self.arguments = arguments
    }

    /// Go's `exec.LookPath`: a name with a `/` is checked as a path; other names are searched in
    /// `$PATH`. Returns an absolute path.
    static func lookPath(_ file: String, workingDirectory: String) throws -> String {
        func absolute(_ p: String) -> String {
            let joined = p.hasPrefix("/") ? p : workingDirectory + "/" + p
            return URL(fileURLWithPath: joined).standardizedFileURL.path
        }
        if file.contains("/") {
            if let problem = executableProblem(absolute(file)) {
                throw FlagError("exec: \"\(file)\": \(problem == "stat" ? "stat \(file): no such file or directory" : problem)")
            }
            return absolute(file)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + file
            if executableProblem(absolute(candidate)) == nil { return absolute(candidate) }
        }
        throw FlagError("exec: \"\(file)\": executable file not found in $PATH")
    }

    /// nil when `path` is an executable non-directory; `"stat"` when it does not exist;
    /// `"permission denied"` otherwise (Go's `findExecutable`).
    static func executableProblem(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "stat" }
        if !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: path) { return nil }
        return "permission denied"
    }

    /// Runs the executable on `manifest`.
    /// - Throws: `error while running command <path>. error output:\n<stderr>: exit status <n>`
    ///   (Helm's wording; `signal: <name>` when the process was killed).
    func run(_ manifest: String) async throws -> String {
        // The manifest reaches stdin from a temporary file rather than a pipe: a renderer that
        // exits without reading its input must not break the write (Go ignores that error).
        let inputPath = NSTemporaryDirectory() + "swiftflux-post-render-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: inputPath, contents: Data(manifest.utf8)) else {
            throw FlagError("open \(inputPath): cannot create the post-renderer input")
        }
        defer { try? FileManager.default.removeItem(atPath: inputPath) }
        let result: ExecutionResult<Void, BytesOutput, BytesOutput>
        do {
            let input = try FileDescriptor.open(FilePath(inputPath), .readOnly)
            result = try await Subprocess.run(.path(FilePath(path)), arguments: Arguments(arguments),
                                              input: .fileDescriptor(input, closeAfterSpawningProcess: true),
                                              output: .bytes(limit: 1 << 30), error: .bytes(limit: 64 << 20))
        } catch {
            throw FlagError("fork/exec \(path): \(error)")
        }
        let stderr = String(decoding: result.standardError, as: UTF8.self)
        switch result.terminationStatus {
        case .exited(0):
            return String(decoding: result.standardOutput, as: UTF8.self)
        case .exited(let code):
            throw FlagError("error while running command \(path). error output:\n\(stderr): exit status \(code)")
        case .signaled(let signal):
            throw FlagError("error while running command \(path). error output:\n\(stderr): signal: \(Self.signalName(signal))")
        }
    }

    /// Go's `syscall.Signal.String()` for the common signals.
    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: return "killed"
        case SIGTERM: return "terminated"
        case SIGINT: return "interrupt"
        case SIGSEGV: return "segmentation fault"
        case SIGABRT: return "aborted"
        case SIGPIPE: return "broken pipe"
        case SIGHUP: return "hangup"
        default: return "signal \(signal)"
        }
    }

    /// Runs the post-renderer from synchronous code that is not on Swift's cooperative pool
    /// (`helm template` renders on its own thread).
    func runBlocking(_ manifest: String) throws -> String {
        let box = PostRenderBox()
        let done = DispatchSemaphore(value: 0)
        let renderer = self
        Task {
            do { box.set(.success(try await renderer.run(manifest))) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        return try box.get()
    }
}

private final class PostRenderBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<String, any Error> = .success("")
    func set(_ r: Result<String, any Error>) { lock.withLock { result = r } }
    func get() throws -> String { try lock.withLock { result }.get() }
}
