/// pflag's `FlagSet.Parse` with interspersed arguments: flags anywhere, `--flag=value`,
/// `--flag value`, `-n value`, `-nvalue`, `-n=value`, grouped bool shorthands (`-As`), and `--`
/// ending flag parsing. Errors use pflag's words.
struct FlagParser {
    let specs: [FlagSpec]
    /// Receives `Flag --x has been deprecated, …` notices.
    let notice: @Sendable (String) -> Void

    struct Result {
        var values: FlagValues
        var positional: [String]
        var helpRequested: Bool
    }

    private func lookup(long name: String) -> FlagSpec? { specs.first { $0.name == name } }
    private func lookup(short c: Character) -> FlagSpec? { specs.first { $0.shorthand == String(c) } }

    func parse(_ arguments: [String]) throws(FluxCLIError) -> Result {
        var result = Result(values: FlagValues(specs: specs), positional: [], helpRequested: false)
        var args = arguments[...]
        while let s = args.first {
            args = args.dropFirst()
            if s.count < 2 || !s.hasPrefix("-") {
                result.positional.append(s)
                continue
            }
            if s.hasPrefix("--") {
                if s == "--" {
                    result.positional += args
                    break
                }
                try parseLong(s, &args, &result)
            } else {
                try parseShort(s, &args, &result)
            }
        }
        return result
    }

    private func parseLong(_ s: String, _ args: inout ArraySlice<String>, _ result: inout Result) throws(FluxCLIError) {
        let body = s.dropFirst(2)
        if body.isEmpty || body.first == "-" || body.first == "=" {
            throw FluxCLIError("bad flag syntax: \(s)")
        }
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let spec = lookup(long: name) else {
            if name == "help" { result.helpRequested = true; return }
            throw FluxCLIError("unknown flag: --\(name)")
        }
        let value: String
        if parts.count == 2 {
            value = String(parts[1])
        } else if !spec.takesValue {
            value = "true"
        } else if let next = args.first {
            value = next
            args = args.dropFirst()
        } else {
            throw FluxCLIError("flag needs an argument: \(s)")
        }
        try set(spec, value, &result)
    }

    private func parseShort(_ s: String, _ args: inout ArraySlice<String>, _ result: inout Result) throws(FluxCLIError) {
        var shorthands = Substring(s.dropFirst())
        while let c = shorthands.first {
            guard let spec = lookup(short: c) else {
                if c == "h" { result.helpRequested = true; shorthands = shorthands.dropFirst(); continue }
                throw FluxCLIError("unknown shorthand flag: '\(c)' in -\(shorthands)")
            }
            let rest = shorthands.dropFirst()
            let value: String
            if rest.count > 1 && rest.first == "=" {
                value = String(rest.dropFirst())
                shorthands = ""
            } else if !spec.takesValue {
                value = "true"
                shorthands = rest
            } else if !rest.isEmpty {
                value = String(rest)
                shorthands = ""
            } else if let next = args.first {
                value = next
                args = args.dropFirst()
                shorthands = ""
            } else {
                throw FluxCLIError("flag needs an argument: '\(c)' in -\(shorthands)")
            }
            try set(spec, value, &result)
        }
    }

    private func set(_ spec: FlagSpec, _ value: String, _ result: inout Result) throws(FluxCLIError) {
        if spec.name == "help" && spec.kind == .bool {
            result.helpRequested = FlagConversion.parseBool(value) ?? true
        }
        if let problem = FlagConversion.check(value, spec) {
            throw FluxCLIError("invalid argument \(FlagConversion.goQuote(value)) for \(FlagConversion.goQuote(spec.displayName)) flag: \(problem)")
        }
        if let deprecated = spec.deprecated {
            notice("Flag --\(spec.name) has been deprecated, \(deprecated)\n")
        }
        result.values.record(spec.name, value)
    }

    /// cobra's `stripFlags`: the non-flag words of `args`, skipping the value after a flag that
    /// takes one (as far as `specs` tell).
    static func stripFlags(_ args: [String], specs: [FlagSpec]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let s = args[i]
            i += 1
            if s == "--" { break }
            if s.hasPrefix("--") && !s.contains("=") {
                let name = String(s.dropFirst(2))
                if let spec = specs.first(where: { $0.name == name }), spec.takesValue { i += 1 }
                continue
            }
            if s.hasPrefix("-") && !s.hasPrefix("--") && s.count == 2 {
                let c = String(s.dropFirst())
                if let spec = specs.first(where: { $0.shorthand == c }), spec.takesValue { i += 1 }
                continue
            }
            if s.hasPrefix("-") && s.count > 1 { continue }
            out.append(s)
        }
        return out
    }
}
