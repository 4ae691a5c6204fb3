/// The declaration of one command-line flag, as `spf13/pflag` defines them: a long name, an
/// optional one-letter shorthand, a value type, a default and a usage line.
///
/// Values are kept as the text the user typed; `FlagValues` converts them on read. Parsing checks
/// every value against its type (and `validate` for custom types) so a bad value fails with pflag's
/// `invalid argument "…" for "--flag" flag: …` before any command runs.
public struct FlagSpec: Sendable {
    /// The value types pflag knows, named as its `Value.Type()` returns them.
    public enum Kind: Sendable, Equatable {
        case bool
        case string
        /// `StringSlice`: comma-separated, repeatable.
        case strings
        /// `StringArray`: repeatable, no comma splitting.
        case stringArray
        case duration
        case int
        case int64
        case float32
        /// A custom `pflag.Value` with its own type name (e.g. `helmChartSource`).
        case custom(String)

        /// `Value.Type()`.
        public var typeName: String {
            switch self {
            case .bool: return "bool"
            case .string: return "string"
            case .strings: return "stringSlice"
            case .stringArray: return "stringArray"
            case .duration: return "duration"
            case .int: return "int"
            case .int64: return "int64"
            case .float32: return "float32"
            case .custom(let name): return name
            }
        }

        /// The placeholder `pflag.UnquoteUsage` prints after the flag name in help.
        var helpName: String {
            switch self {
            case .bool: return ""
            case .strings: return "strings"
            case .int64: return "int"
            default: return typeName
            }
        }
    }

    public var name: String
    public var shorthand: String?
    public var kind: Kind
    /// The default as pflag prints it (`DefValue`): `5m0s`, `[]`, `flux-system`, `false`.
    public var defaultValue: String
    public var usage: String
    public var hidden: Bool
    /// Set for deprecated flags: the flag still works, prints `Flag --x has been deprecated, <msg>`
    /// when used and is hidden from help.
    public var deprecated: String?
    /// Checks and normalizes one value of a custom flag; returns the error text pflag shows after
    /// `invalid argument "v" for "--flag" flag: `.
    public var validate: (@Sendable (String) -> String?)?

    public init(_ name: String, short: String? = nil, _ kind: Kind, default defaultValue: String? = nil, usage: String,
                hidden: Bool = false, deprecated: String? = nil, validate: (@Sendable (String) -> String?)? = nil) {
        self.name = name
        self.shorthand = short
        self.kind = kind
        self.defaultValue = defaultValue ?? Self.zeroValue(kind)
        self.usage = usage
        self.hidden = hidden
        self.deprecated = deprecated
        self.validate = validate
    }

    /// pflag's textual zero value of each type.
    static func zeroValue(_ kind: Kind) -> String {
        switch kind {
        case .bool: return "false"
        case .string, .custom: return ""
        case .strings, .stringArray: return "[]"
        case .duration: return "0s"
        case .int, .int64, .float32: return "0"
        }
    }

    /// Whether the default is the zero value (pflag then omits `(default …)` from help).
    var defaultIsZero: Bool {
        switch kind {
        case .bool: return defaultValue == "false"
        case .duration: return defaultValue == "0" || defaultValue == "0s"
        case .int, .int64, .float32: return defaultValue == "0"
        case .string: return defaultValue.isEmpty
        case .strings, .stringArray: return defaultValue == "[]"
        case .custom: return ["false", "<nil>", "", "0"].contains(defaultValue)
        }
    }

    /// Bool flags take no argument (`NoOptDefVal` is `true`).
    var takesValue: Bool { kind != .bool }

    /// The `-n, --namespace` or `--namespace` form used in error messages.
    var displayName: String {
        if let shorthand { return "-\(shorthand), --\(name)" }
        return "--\(name)"
    }
}
