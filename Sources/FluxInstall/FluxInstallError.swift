import Foundation

/// Why install manifests could not be built; the messages are `flux install`'s.
public enum FluxInstallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `component <name> is not available`.
    case unknownComponent(String)
    /// `namespace must be a valid DNS label: "<ns>"`.
    case invalidNamespace(String)
    /// A CRD could not be generated from the Swift types.
    case crd(String)
    /// `unsupported log level '<level>', must be one of: debug, info, error` (flux's `flags.LogLevel`).
    case invalidLogLevel(String)

    public var description: String {
        switch self {
        case .unknownComponent(let name): "component \(name) is not available"
        case .invalidNamespace(let ns): "namespace must be a valid DNS label: \"\(ns)\""
        case .crd(let reason): reason
        case .invalidLogLevel(let level) where level.trimmingCharacters(in: .whitespaces).isEmpty:
            "no log level given, must be one of: debug, info, error"
        case .invalidLogLevel(let level): "unsupported log level '\(level)', must be one of: debug, info, error"
        }
    }
}
