import GoTemplate
import Sprig

extension Engine {
    /// The function map Helm installs (`funcMap()`): Sprig minus `env`/`expandenv`, plus
    /// Helm's own functions (`include`, `tpl`, `required`, `toYaml`, …), with `lookup`
    /// returning empty maps (no cluster) and DNS lookups disabled.
    public static let defaultFunctions: [String: GoFunction] = HelmFunctions().functionMap()

    /// The same map for a given set of Helm function options (cluster for `lookup`, DNS gate,
    /// strict `tpl`).
    public static func functions(_ options: HelmFunctions.Options) -> [String: GoFunction] {
        HelmFunctions(options).functionMap()
    }
}

extension Engine {
    /// Sprig's functions alone (what `helm install --name-template` evaluates with).
    public static var sprigFunctions: [String: GoFunction] { Sprig.functions }
}
