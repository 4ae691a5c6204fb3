import KubeClient
import KubeModel

/// The one error type of FluxSSA. `message` is the text Flux shows (in conditions and events),
/// e.g. `Deployment/default/podinfo dry-run failed (Invalid): …`; `cause` keeps the API error
/// behind it, so callers can still test `cause?.isNotFound`.
public struct FluxSSAError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The server-side dry-run apply failed (`ssa/errors.DryRunErr`).
        case dryRun
        /// The real apply failed.
        case apply
        /// Removing kubectl/old metadata failed.
        case cleanup
        /// An immutable-field recreate could not delete or wait for the old object.
        case recreate
        /// Reading an object failed (other than not found).
        case query
        /// One or more deletions failed.
        case delete
        /// Objects did not become ready in time, or failed.
        case wait
        /// An inventory entry or object identifier could not be parsed.
        case inventory
        /// An ignore rule selector or path is invalid.
        case selector
        /// Manifests could not be read or normalized.
        case invalidObject
        /// Drift correction failed for some objects.
        case driftCorrection
        /// Several errors (`utilerrors.NewAggregate`).
        case aggregate
    }

    public var kind: Kind
    public var message: String
    /// The API error behind this one, when there is one.
    public var cause: KubeClientError?

    /// The errors an aggregate was made of (deduplicated); empty for a single error.
    public var parts: [FluxSSAError] = []

    /// The individual errors: the parts of an aggregate, else this error alone.
    public var errors: [FluxSSAError] { parts.isEmpty ? [self] : parts }

    public init(_ kind: Kind, _ message: String, cause: KubeClientError? = nil) {
        self.kind = kind
        self.message = message
        self.cause = cause
    }

    public var description: String { message }

    /// Errors are equal when their kind and message are (the cause is detail).
    public static func == (a: FluxSSAError, b: FluxSSAError) -> Bool { a.kind == b.kind && a.message == b.message }

    /// `ssa/errors.DryRunErr.Error()`: `<subject> not found: …` / `<subject> namespace not
    /// specified: …` for 404s, otherwise `<subject> dry-run failed (<Reason>): …`, where the reason
    /// is the Status reason, or `FieldManagerConflict` when a cause says so, and is left out when empty.
    static func dryRun(_ object: ObjMetadata, _ error: KubeClientError) -> FluxSSAError {
        let subject = object.subject
        if error.isNotFound {
            let text = object.namespace.isEmpty ? "\(subject) namespace not specified: \(error)" : "\(subject) not found: \(error)"
            return FluxSSAError(.dryRun, text, cause: error)
        }
        var reason = error.status?.reason.rawValue ?? ""
        if let cause = error.status?.details?.causes.first(where: { $0.type == "FieldManagerConflict" }) {
            reason = cause.type
        }
        let suffix = reason.isEmpty ? "" : " (\(reason))"
        return FluxSSAError(.dryRun, "\(subject) dry-run failed\(suffix): \(error)", cause: error)
    }

    /// `utilerrors.NewAggregate(errs)` reduced: `nil` for none, the error itself for one, otherwise
    /// `[a, b]` with duplicate messages dropped.
    public static func aggregate(_ errors: [FluxSSAError]) -> FluxSSAError? {
        guard let first = errors.first else { return nil }
        if errors.count == 1 { return first }
        var seen: [String] = []
        for e in errors where !seen.contains(e.message) { seen.append(e.message) }
        if seen.count == 1 { return FluxSSAError(first.kind, seen[0], cause: first.cause) }
        var aggregate = FluxSSAError(.aggregate, "[" + seen.joined(separator: ", ") + "]")
        aggregate.parts = seen.compactMap { message in errors.first { $0.message == message } }
        return aggregate
    }
}
