import Foundation
import GoCompat
import StructuredData

/// `flux logs`: the controllers' JSON log lines, filtered and formatted as flux prints pod logs.
/// SwiftFlux's controllers run in-process (`swiftflux up`/`swiftflux controllers`) and write their
/// zap-style lines to a file; `--log-file` (hidden) names it.
enum LogsCommand {
    static let levels = ["debug", "info", "error"]
    /// Where `swiftflux up` writes the controllers' log with its default data directory.
    static let defaultLogFile = ".swiftflux/data/logs/controllers.log"

    static func command(_ environment: FluxEnvironment) -> Command {
        var logs = Command(use: "logs", short: "Display formatted logs for Flux components",
                           long: TraceCommand.withPreviewNote("The logs command displays formatted logs from various Flux components."),
                           example: """
                             # Print the reconciliation logs of all Flux custom resources in your cluster
                             flux logs --all-namespaces

                             # Print all logs of all Flux custom resources newer than 2 minutes
                             flux logs --all-namespaces --since=2m

                             # Stream logs for a particular log level
                             flux logs --follow --level=error --all-namespaces

                             # Filter logs by kind, name and namespace
                             flux logs --kind=Kustomization --name=podinfo --namespace=default

                             # Print logs when Flux is installed in a different namespace than flux-system
                             flux logs --flux-namespace=my-namespace

                           """)
        logs.flags = [
            FlagSpec("level", .custom("logLevel"), usage: "log level, available options are: (debug, info, error)") { value in
                if value.trimmingCharacters(in: .whitespaces).isEmpty { return "no log level given, must be one of: debug, info, error" }
                return levels.contains(value) ? nil : "unsupported log level '\(value)', must be one of: debug, info, error"
            },
            FlagSpec("kind", .string, usage: "displays errors of a particular toolkit kind e.g GitRepository"),
            FlagSpec("name", .string, usage: "specifies the name of the object logs to be displayed"),
            FlagSpec("follow", short: "f", .bool, usage: "specifies if the logs should be streamed"),
            FlagSpec("tail", .int64, default: "-1", usage: "lines of recent log file to display"),
            FlagSpec("flux-namespace", .string, default: "flux-system", usage: "the namespace where the Flux components are running"),
            FlagSpec("all-namespaces", short: "A", .bool, usage: "displays logs for objects across all namespaces"),
            FlagSpec("since", .duration, usage: "Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used."),
            FlagSpec("since-time", .string, usage: "Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used."),
            FlagSpec("log-file", .string, default: environment.defaultLogFile ?? defaultLogFile, usage: "the controllers' log file", hidden: true),
        ]
        logs.run = { try await run(FluxContext($0)) }
        return logs
    }

    /// The filters of one invocation.
    struct Filter: Sendable {
        var level = ""
        var kind = ""
        var name = ""
        var namespace = ""
        var allNamespaces = false
        var since: GoTime?

        func matches(_ entry: Entry) -> Bool {
            (level.isEmpty || level == entry.level)
                && (kind.isEmpty || kind.lowercased() == entry.kind.lowercased() || kind.lowercased() == entry.controllerKind.lowercased())
                && (name.isEmpty || name.lowercased() == entry.name.lowercased())
                && (allNamespaces || namespace.lowercased() == entry.namespace.lowercased())
                && (since.map { s in (try? GoTime.parseRFC3339(entry.timestamp)).map { $0 >= s } ?? true } ?? true)
        }
    }

    /// flux's `ControllerLogEntry`.
    struct Entry: Sendable {
        var timestamp = "", level = "", message = "", error = "", kind = "", controllerKind = "", name = "", namespace = ""

        init(_ json: JSONValue) {
            func text(_ key: String) -> String {
                switch json[key] {
                case .string(let s)?: return s
                case .double(let d)?: return String(d)
                case .int(let i)?: return String(i)
                default: return ""
                }
            }
            timestamp = text("ts"); level = text("level"); message = text("msg"); error = text("error")
            kind = text("reconciler kind"); controllerKind = text("controllerKind"); name = text("name"); namespace = text("namespace")
        }

        /// `{{.Timestamp}} {{.Level}} {{or .Kind .ControllerKind}}{{if .Name}}/{{.Name}}.{{.Namespace}}{{end}} - {{.Message}} {{.Error}}`.
        var line: String {
            var s = "\(timestamp) \(level) \(kind.isEmpty ? controllerKind : kind)"
            if !name.isEmpty { s += "/\(name).\(namespace)" }
            return s + " - \(message) \(error)\n"
        }
    }

    static func run(_ context: FluxContext) async throws {
        if !context.args.isEmpty { throw FluxCLIError("no argument required") }
        let sinceTime = context.flags.string("since-time")
        let sinceDuration = context.flags.duration("since")
        if !sinceTime.isEmpty && sinceDuration != .zero {
            throw FluxCLIError("at most one of `sinceTime` or `sinceDuration` may be specified")
        }
        var filter = Filter(level: context.flags.string("level"), kind: context.flags.string("kind"), name: context.flags.string("name"),
                            namespace: context.namespace, allNamespaces: context.flags.bool("all-namespaces"))
        if !sinceTime.isEmpty {
            guard let t = try? GoTime.parseRFC3339(sinceTime) else { throw FluxCLIError("\(sinceTime) is not a valid (RFC3339) time") }
            filter.since = t
        }
        if sinceDuration != .zero {
            let seconds = Int64((sinceDuration.seconds).rounded())
            filter.since = context.environment.now().adding(GoDuration(nanoseconds: -seconds * 1_000_000_000))
        }
        let path = context.environment.resolve(context.flags.string("log-file"))
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FluxCLIError("open \(context.flags.string("log-file")): no such file or directory")
        }
        defer { try? handle.close() }
        var pending = Data()
        var lines: [String] = []
        pending = try await Task.detached { try handle.readToEnd() ?? Data() }.value
        var text = String(decoding: pending, as: UTF8.self)
        if let lastNewline = text.lastIndex(of: "\n") {
            lines = text[..<lastNewline].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            text = String(text[text.index(after: lastNewline)...])
        }
        let tail = context.flags.int("tail")
        if tail >= 0 && Int(tail) < lines.count { lines = Array(lines.suffix(Int(tail))) }
        guard emit(context, lines, filter) else { return }
        guard context.flags.bool("follow") else {
            if !text.isEmpty { _ = emit(context, [text], filter) }
            return
        }
        let deadline = ContinuousClock.now.advanced(by: context.options.timeout.swiftDuration)
        while ContinuousClock.now < deadline && !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            let more = try await Task.detached { try handle.readToEnd() ?? Data() }.value
            if more.isEmpty { continue }
            text += String(decoding: more, as: UTF8.self)
            guard let lastNewline = text.lastIndex(of: "\n") else { continue }
            let complete = text[..<lastNewline].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            text = String(text[text.index(after: lastNewline)...])
            guard emit(context, complete, filter) else { return }
        }
    }

    /// Prints the matching entries; false after a line that is not JSON (flux stops there).
    static func emit(_ context: FluxContext, _ lines: [String], _ filter: Filter) -> Bool {
        for line in lines where line.hasPrefix("{") {
            let json: JSONValue
            do { json = try JSONParser.parse(line) } catch {
                context.logger.failure("parse error: \(error.description)")
                return false
            }
            let entry = Entry(json)
            if filter.matches(entry) { context.out(entry.line) }
        }
        return true
    }
}
