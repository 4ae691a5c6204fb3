/// The one error type of HelmEngine. `description` is the text Helm 3.13 prints (after
/// `Error: ` on the CLI), byte for byte where Helm defines it.
///
/// `kind` lets callers tell apart failures that happen before a release exists (chart loading,
/// values) from rendering failures, which `helm template` follows with a `--debug` hint.
public struct HelmError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Chart loading, Chart.yaml validation, archive limits.
        case chart
        /// `--set*` parsing, values files, coalescing, schema validation.
        case values
        /// Dependency processing (conditions, aliases, import-values).
        case dependencies
        /// Template parse/exec failures, kubeVersion mismatch, manifest YAML errors.
        case render
        /// Anything else (CLI argument errors, I/O).
        case other
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
