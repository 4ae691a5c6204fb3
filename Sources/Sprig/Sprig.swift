import GoTemplate

/// Sprig v3.2.3's function library as Helm 3.13 installs it (208 functions: sprig's
/// `genericMap` minus `env` and `expandenv`), with Go parameter types so that template
/// arguments convert and fail exactly as in Go (`wrong type for value; expected int; got float64`).
///
/// Helm's own functions (`include`, `tpl`, `toYaml`, …) and its overrides of `toJson`,
/// `fromJson` and `fail` come from `HelmFunctions`, layered on top of this map.
public enum Sprig {
    /// Every Sprig function Helm keeps, by name.
    public static let functions: [String: GoFunction] = {
        var all: [String: GoFunction] = [:]
        for group in [strings, stringCase, random, math, floatMath, defaults, json, dicts, lists,
                      listsMore, encoding, crypto, certificates, semver, regex, dates, reflection, paths, network] {
            for f in group { all[f.name] = f }
        }
        return all
    }()
}

/// Shorthand for declaring a function-map entry with Go parameter types.
func fn(_ name: String, _ parameters: [GoType], variadic: GoType? = nil, result: GoType? = .any,
        returnsError: Bool = false, _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) -> GoFunction {
    GoFunction(name, parameters: parameters, variadic: variadic, result: result, returnsError: returnsError) { args, _ in
        try body(args)
    }
}

extension GoType {
    static let sliceOfSliceOfAny = GoType.slice(of: .sliceOfAny)
}
