import Foundation
import HelmEngine

/// The events a hook can run on: the renderer's `Hook.Event` (`pkg/release/hook.go`).
public typealias HookEvent = HelmEngine.Hook.Event

extension HelmEngine.Hook.Event {
    /// Parses an annotation entry (trimmed and lowercased here); `test-success` is `test`.
    public init?(annotation: String) {
        let value = annotation.trimmingCharacters(in: .whitespaces).lowercased()
        if value == "test-success" { self = .test; return }
        self.init(rawValue: value)
    }
}

/// When a hook resource is deleted (`helm.sh/hook-delete-policy`).
public enum HookDeletePolicy: String, Sendable, CaseIterable {
    case hookSucceeded = "hook-succeeded"
    case hookFailed = "hook-failed"
    case beforeHookCreation = "before-hook-creation"
}

/// The phase of a hook's last run; `""` before any run.
public enum HookPhase: String, Sendable, CaseIterable {
    case none = ""
    case unknown = "Unknown"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
}

/// A hook's last execution (`last_run`): always present in JSON, with all three fields.
public struct HookExecution: Sendable, Hashable {
    public var startedAt: HelmTime
    public var completedAt: HelmTime
    public var phase: HookPhase

    public init(startedAt: HelmTime = .zero, completedAt: HelmTime = .zero, phase: HookPhase = .none) {
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.phase = phase
    }
}

/// A rendered hook as stored in the release. Unknown event or policy strings read from a record
/// are kept verbatim (as raw strings) so a record re-encodes identically.
public struct Hook: Sendable, Hashable {
    public var name: String
    public var kind: String
    /// The template key, e.g. `podinfo/templates/tests/grpc.yaml`.
    public var path: String
    /// The YAML document text.
    public var manifest: String
    /// Event names as stored (`pre-install`, `test`, …).
    public var events: [String]
    public var lastRun: HookExecution
    public var weight: Int
    /// Delete policy names as stored.
    public var deletePolicies: [String]

    public init(name: String, kind: String, path: String = "", manifest: String, events: [HookEvent],
                weight: Int = 0, deletePolicies: [HookDeletePolicy] = [], lastRun: HookExecution = HookExecution()) {
        self.name = name
        self.kind = kind
        self.path = path
        self.manifest = manifest
        self.events = events.map(\.rawValue)
        self.lastRun = lastRun
        self.weight = weight
        self.deletePolicies = deletePolicies.map(\.rawValue)
    }

    /// The parsed events (unknown strings skipped).
    public var hookEvents: [HookEvent] { events.compactMap(HookEvent.init(rawValue:)) }

    /// The parsed delete policies (unknown strings skipped).
    public var hookDeletePolicies: [HookDeletePolicy] { deletePolicies.compactMap(HookDeletePolicy.init(rawValue:)) }

    /// Whether the hook runs on `event`.
    public func runs(on event: HookEvent) -> Bool { events.contains(event.rawValue) }
}
