/// The one error type of the Kustomize module: a message worded as `kustomize build` words it.
///
/// `kind` lets callers and tests tell the usual failures apart without parsing the message;
/// `message` is what the CLI prints after `Error: `.
public struct KustomizeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// A file or directory that is not there.
        case notFound
        /// Kustomization file missing in a directory used as a kustomization.
        case missingKustomization
        /// YAML that does not parse, or a document of the wrong shape.
        case malformedYAML
        /// A path outside the root allowed by the load restrictions or the file system.
        case restricted
        /// A kustomization that refers back to itself.
        case cycle
        /// Two resources with the same id, or a conflicting merge.
        case conflict
        /// A patch, replacement or selector that cannot be applied.
        case patch
        /// Anything else that upstream reports as a plain error.
        case invalid
        /// A limit of this implementation (size, depth) was exceeded.
        case limit
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// This error with `prefix: ` in front of its message (kyaml's `errors.WrapPrefixf`).
    func prefixed(_ prefix: String) -> KustomizeError {
        KustomizeError(kind, prefix + ": " + message)
    }
}
