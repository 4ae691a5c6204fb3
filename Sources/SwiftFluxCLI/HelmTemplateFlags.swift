/// `helm template` flags, parsed the way cobra/pflag does: flags may come before, between or
/// after positional arguments; `--name=value`, `--name value`, `-x value` and `-xvalue` forms;
/// string-slice flags (`-f`, `-a`) split on commas; `--` ends flag parsing.
struct HelmTemplateFlags {
    var positional: [String] = []
    var namespace = "default"
    var valueFiles: [String] = []
    var set: [String] = []
    var setString: [String] = []
    var setFile: [String] = []
    var setJSON: [String] = []
    var kubeVersion: String?
    var apiVersions: [String] = []
    var includeCRDs = false
    var skipCRDs = false
    var skipTests = false
    var noHooks = false
    var isUpgrade = false
    var showOnly: [String] = []
    var outputDir: String?
    var nameTemplate: String?
    var releaseName = false
    var debug = false
    var generateName = false
    var renderSubchartNotes = false
    var postRenderer: String?
    var postRendererArgs: [String] = []
    var dependencyUpdate = false
    var kubeconfig: String?
    /// `--dry-run` (pflag `NoOptDefVal` "client" when given bare).
    var dryRun: String?

    /// pflag value kinds; `optionalString` is a string flag whose bare form takes the default
    /// (`NoOptDefVal`) instead of the next argument.
    enum Kind: Equatable { case bool, string, stringArray, stringSlice, optionalString(String) }

    static let table: [(long: String, short: Character?, kind: Kind)] = [
        ("namespace", "n", .string), ("values", "f", .stringSlice), ("set", nil, .stringArray),
        ("set-string", nil, .stringArray), ("set-file", nil, .stringArray), ("set-json", nil, .stringArray),
        ("kube-version", nil, .string), ("api-versions", "a", .stringSlice), ("include-crds", nil, .bool),
        ("skip-crds", nil, .bool), ("skip-tests", nil, .bool), ("no-hooks", nil, .bool),
        ("is-upgrade", nil, .bool), ("show-only", "s", .stringArray), ("output-dir", nil, .string),
        ("name-template", nil, .string), ("release-name", nil, .bool), ("debug", nil, .bool),
        ("generate-name", "g", .bool), ("render-subchart-notes", nil, .bool), ("validate", nil, .bool),
        ("dry-run", nil, .optionalString("client")), ("post-renderer-args", nil, .stringArray),
        ("kubeconfig", nil, .string), ("kube-context", nil, .string), ("create-namespace", nil, .bool), ("devel", nil, .bool),
        ("dependency-update", nil, .bool), ("disable-openapi-validation", nil, .bool),
        ("atomic", nil, .bool), ("wait", nil, .bool), ("wait-for-jobs", nil, .bool),
        ("version", nil, .string), ("description", nil, .string), ("timeout", nil, .string),
        ("post-renderer", nil, .string), ("enable-dns", nil, .bool), ("replace", nil, .bool),
    ]

    /// Parses `args`. Throws `FlagError` with pflag's wording.
    init(arguments args: [String]) throws {
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositional || arg == "-" || !arg.hasPrefix("-") { positional.append(arg); continue }
            if arg == "--" { onlyPositional = true; continue }
            var name: String
            var inline: String?
            var entry: (long: String, short: Character?, kind: Kind)?
            if arg.hasPrefix("--") {
                let body = String(arg.dropFirst(2))
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq]); inline = String(body[body.index(after: eq)...])
                } else { name = body }
                entry = Self.table.first { $0.long == name }
                guard entry != nil else { throw FlagError("unknown flag: --\(name)") }
            } else {
                let body = Array(arg.dropFirst())
                let c = body[0]
                entry = Self.table.first { $0.short == c }
                guard entry != nil else { throw FlagError("unknown shorthand flag: '\(c)' in \(arg)") }
                name = String(c)
                if body.count > 1 {
                    var rest = String(body.dropFirst())
                    if rest.hasPrefix("=") { rest.removeFirst() }
                    inline = rest
                }
            }
            guard let flag = entry else { continue }
            if flag.kind == .bool {
                let value = inline ?? "true"
                guard let b = Self.parseBool(value) else {
                    throw FlagError("invalid argument \(quote(value)) for \"--\(flag.long)\" flag: strconv.ParseBool: parsing \(quote(value)): invalid syntax")
                }
                setBool(flag.long, b)
                continue
            }
            if case .optionalString(let bare) = flag.kind {
                setValues(flag.long, [inline ?? bare])
                continue
            }
            let value: String
            if let inline { value = inline } else {
                guard i < args.count else {
                    throw FlagError(flag.short.map { "flag needs an argument: '\($0)' in -\($0)" } ?? "flag needs an argument: --\(flag.long)")
                }
                value = args[i]; i += 1
            }
            let values = flag.kind == .stringSlice ? (value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) : [value]
            setValues(flag.long, values)
        }
    }

    mutating func setBool(_ name: String, _ value: Bool) {
        switch name {
        case "include-crds": includeCRDs = value
        case "skip-crds": skipCRDs = value
        case "skip-tests": skipTests = value
        case "no-hooks": noHooks = value
        case "is-upgrade": isUpgrade = value
        case "release-name": releaseName = value
        case "debug": debug = value
        case "generate-name": generateName = value
        case "render-subchart-notes": renderSubchartNotes = value
        case "dependency-update": dependencyUpdate = value
        default: break
        }
    }

    mutating func setValues(_ name: String, _ values: [String]) {
        switch name {
        case "namespace": namespace = values.last ?? namespace
        case "values": valueFiles += values
        case "set": set += values
        case "set-string": setString += values
        case "set-file": setFile += values
        case "set-json": setJSON += values
        case "kube-version": kubeVersion = values.last
        case "api-versions": apiVersions += values
        case "show-only": showOnly += values
        case "output-dir": outputDir = values.last
        case "name-template": nameTemplate = values.last
        case "post-renderer": postRenderer = values.last
        case "post-renderer-args": postRendererArgs += values
        case "kubeconfig": kubeconfig = values.last
        case "dry-run": dryRun = values.last
        default: break
        }
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: return nil
        }
    }

    func quote(_ s: String) -> String { "\"" + s + "\"" }
}

/// A command-line usage error, printed as `Error: <message>`.
struct FlagError: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}
