import Foundation
import FluxAPI
import GoCompat
import KubeClient
import KubeModel
import StructuredData

/// `flux events`: Kubernetes events of Flux objects, optionally for one object and what it refers to.
enum EventsCommand {
    static func command() -> Command {
        var events = Command(use: "events", short: "Display Kubernetes events for Flux resources",
                             long: TraceCommand.withPreviewNote("The events sub-command shows Kubernetes events from Flux resources"),
                             example: """
                              # Display events for flux resources in default namespace
                             \tflux events -n default

                             \t# Display events for flux resources in all namespaces
                             \tflux events -A

                             \t# Display events for a Kustomization named podinfo
                             \tflux events --for Kustomization/podinfo

                             \t# Display events for all Kustomizations in default namespace
                             \tflux events --for Kustomization -n default

                             \t# Display warning events for alert resources
                             \tflux events --for Alert/podinfo --types warning

                             """)
        events.flags = [
            FlagSpec("all-namespaces", short: "A", .bool, usage: "display events from Flux resources across all namespaces"),
            FlagSpec("watch", short: "w", .bool, usage: "indicate if the events should be streamed"),
            FlagSpec("for", .string, usage: "get events for a particular object"),
            FlagSpec("types", .strings, usage: "filter events for certain types (valid types are: Normal, Warning)"),
        ]
        events.run = { try await run(FluxContext($0)) }
        return events
    }

    /// One list (or watch) of events: a field selector and a namespace.
    struct Query: Sendable {
        var fieldSelector: String?
        var namespace: String
    }

    static func run(_ context: FluxContext) async throws {
        let types = context.flags.strings("types")
        for t in types where t.lowercased() != "warning" && t.lowercased() != "normal" {
            throw FluxCLIError("type '\(t)' not supported. Supported types are Normal, Warning")
        }
        let allNamespaces = context.flags.bool("all-namespaces")
        let namespace = allNamespaces ? "" : context.namespace
        let selector = context.flags.string("for")
        try await context.withSession { session in
            var main = Query(fieldSelector: nil, namespace: context.namespace)
            var refs: [Query] = []
            var differentNamespace = false
            if !selector.isEmpty {
                let (kindName, name) = kindAndName(selector)
                if kindName.isEmpty { throw FluxCLIError("--for selector must be of format <kind>[/<name>]") }
                guard let kind = FluxKinds.named(kindName) else {
                    throw FluxCLIError("'\(kindName)' is not a recognized Flux kind")
                }
                main.fieldSelector = fieldSelector(kind.kind, name)
                if !name.isEmpty {
                    for ref in try await references(session, kind, name: name, namespace: context.namespace) {
                        if ref.namespace != namespace { differentNamespace = true }
                        refs.append(Query(fieldSelector: fieldSelector(ref.kind, ref.name), namespace: ref.namespace))
                    }
                }
            }
            let showNamespace = namespace.isEmpty || differentNamespace
            if context.flags.bool("watch") {
                try await watch(context, session, [main] + refs, showNamespace: showNamespace, types: types)
                return
            }
            var events: [KubeObject] = []
            for query in [main] + refs {
                do {
                    events += try await session.list(Builtin.events, namespace: query.namespace, fieldSelector: query.fieldSelector)
                } catch {
                    throw FluxCLIError("error getting events: \(ErrorText.describe(error))")
                }
            }
            let now = context.environment.now()
            let rows = sorted(events).filter { !ignored($0, types) }.map { row($0, showNamespace: showNamespace, now: now) }
            if rows.isEmpty {
                context.logger.failure(allNamespaces ? "No events found." : "No events found in \(context.namespace) namespace.")
                return
            }
            context.out(TablePrinter.render(header: headers(showNamespace), rows: rows))
        }
    }

    static func headers(_ showNamespace: Bool) -> [String] {
        (showNamespace ? ["Namespace"] : []) + ["Last seen", "Type", "Reason", "Object", "Message"]
    }

    /// `getKindNameFromSelector`: `Kind/name`, or `Kind` alone.
    static func kindAndName(_ selector: String) -> (String, String) {
        let parts = selector.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        return (selector, "")
    }

    static func fieldSelector(_ kind: String, _ name: String) -> String {
        name.isEmpty ? "involvedObject.kind=\(kind)" : "involvedObject.kind=\(kind),involvedObject.name=\(name)"
    }

    /// `getObjectRef`: the objects `name` refers to (its source, provider, image repository, chart).
    static func references(_ session: KubeSession, _ kind: FluxKind, name: String,
                           namespace: String) async throws -> [(kind: String, name: String, namespace: String)] {
        let refs = kind.eventRefs
        if refs.field.isEmpty { return [] }
        let resource = try await session.resource(kind.gvk)
        let object = try await session.get(resource, namespace: namespace, name: name)
        var refKind = refs.kind
        if refKind.isEmpty {
            guard let value = object.raw[path: refs.field + ["kind"]]?.stringValue else {
                throw FluxCLIError("field '\((refs.field + ["kind"]).joined(separator: "."))' for '\(namespace)/\(name)' not found")
            }
            refKind = value
        }
        guard let refName = object.raw[path: refs.field + ["name"]]?.stringValue else {
            throw FluxCLIError("field '\((refs.field + ["name"]).joined(separator: "."))' for '\(namespace)/\(name)' not found")
        }
        var refNamespace = namespace
        if refs.crossNamespaced, let ns = object.raw[path: refs.field + ["namespace"]]?.stringValue {
            refNamespace = ns
        }
        var all = [(kind: refKind, name: refName, namespace: refNamespace)]
        for other in refs.others?(namespace, name) ?? [] {
            let (k, n) = kindAndName(other)
            all.append((k, n, refNamespace))
        }
        return all
    }

    static func ignored(_ event: KubeObject, _ types: [String]) -> Bool {
        let kind = event.string(at: ["involvedObject", "kind"])
        if FluxKinds.named(kind) == nil { return true }
        if !types.isEmpty, !types.contains(where: { $0.lowercased() == event.string(at: ["type"]).lowercased() }) { return true }
        return false
    }

    /// kubectl's event order: by series last-observed time, else last timestamp, else event time.
    static func sorted(_ events: [KubeObject]) -> [KubeObject] {
        func time(_ e: KubeObject) -> GoTime {
            let series = e.string(at: ["series", "lastObservedTime"])
            let text = !series.isEmpty ? series : (!e.string(at: ["lastTimestamp"]).isEmpty ? e.string(at: ["lastTimestamp"])
                                                                                              : e.string(at: ["eventTime"]))
            return (try? GoTime.parseRFC3339(text)) ?? GoTime(unixSeconds: -62_135_596_800)
        }
        return events.enumerated().sorted { a, b in
            let ta = time(a.element), tb = time(b.element)
            return ta != tb ? ta < tb : a.offset < b.offset
        }.map(\.element)
    }

    static func row(_ e: KubeObject, showNamespace: Bool, now: GoTime) -> [String] {
        (showNamespace ? [e.namespace] : []) + [lastSeen(e, now: now), e.string(at: ["type"]), e.string(at: ["reason"]),
                                                "\(e.string(at: ["involvedObject", "kind"]))/\(e.string(at: ["involvedObject", "name"]))",
                                                e.string(at: ["message"])]
    }

    /// `getLastSeen`.
    static func lastSeen(_ e: KubeObject, now: GoTime) -> String {
        func since(_ text: String) -> String {
            guard !text.isEmpty, let t = try? GoTime.parseRFC3339(text) else { return "<unknown>" }
            return HumanDuration.format(now.since(t))
        }
        let eventTime = e.string(at: ["eventTime"])
        let first = eventTime.isEmpty ? since(e.string(at: ["firstTimestamp"])) : since(eventTime)
        let count = e.raw["count"]?.intValue ?? 0
        if e.raw["series"]?.objectValue != nil {
            let seriesCount = e.raw[path: ["series", "count"]]?.intValue ?? 0
            return "\(since(e.string(at: ["series", "lastObservedTime"]))) (x\(seriesCount) over \(first))"
        }
        if count > 1 { return "\(since(e.string(at: ["lastTimestamp"]))) (x\(count) over \(first))" }
        return first
    }

    static func watch(_ context: FluxContext, _ session: KubeSession, _ queries: [Query], showNamespace: Bool,
                      types: [String]) async throws {
        let printed = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for query in queries {
                group.addTask {
                    let options = WatchOptions(fieldSelector: query.fieldSelector,
                                               timeoutSeconds: Int(max(1, context.options.timeout.seconds)))
                    let stream: AsyncThrowingStream<WatchEvent, any Error>
                    do { stream = try await session.client.watch(Builtin.events, in: .named(query.namespace), options: options) } catch {
                        throw FluxCLIError(ErrorText.describe(error, server: session.server))
                    }
                    for try await event in stream {
                        guard case let .added(object) = event else {
                            if case let .modified(object) = event, !ignored(object, types) {
                                let header = printed.next() == 1 ? headers(showNamespace) : []
                                context.out(TablePrinter.render(header: header, rows: [row(object, showNamespace: showNamespace,
                                                                                             now: context.environment.now())]))
                            }
                            continue
                        }
                        if ignored(object, types) { continue }
                        let header = printed.next() == 1 ? headers(showNamespace) : []
                        context.out(TablePrinter.render(header: header, rows: [row(object, showNamespace: showNamespace,
                                                                                     now: context.environment.now())]))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Increments and returns the new value.
    func next() -> Int { lock.withLock { value += 1; return value } }
}
