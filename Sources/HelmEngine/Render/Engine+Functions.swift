import GoTemplate

extension Engine {
    /// The function map Helm installs (`funcMap()`): Sprig minus `env`/`expandenv`, plus
    /// Helm's own functions. Provided by the Sprig module's Helm factory once merged; until
    /// then only Go's builtins are available.
    public static var defaultFunctions: [String: GoFunction] { [:] }
}
