import ControllerRuntime
import Dispatch
import Foundation
import Logging

/// Process-wide logging for the controllers: Flux's JSON lines through `JSONLogHandler`.
enum ControllerLogging {
    /// Bootstraps swift-log once with JSON lines at `level` written to `sink`; returns the root logger.
    static func bootstrap(level: String, sink: LogSink) -> Logger {
        let parsed: Logger.Level
        switch level {
        case "debug", "trace": parsed = .debug
        case "error": parsed = .error
        default: parsed = .info
        }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: parsed, sink: sink) }
        var logger = Logger(label: "swiftflux")
        logger.logLevel = parsed
        return logger
    }
}

/// Cancels `task` on SIGTERM or SIGINT; keep the returned sources alive while waiting.
func cancelOnSignals(_ task: Task<Void, Never>) -> [any DispatchSourceSignal] {
    var sources: [any DispatchSourceSignal] = []
    for sig in [SIGTERM, SIGINT] {
        signal(sig, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
        source.setEventHandler { task.cancel() }
        source.resume()
        sources.append(source)
    }
    return sources
}
