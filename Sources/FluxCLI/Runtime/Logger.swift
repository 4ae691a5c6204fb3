/// flux's `stderrLogger`: one status line per call on standard error, led by a symbol.
public struct Logger: Sendable {
    let environment: FluxEnvironment

    public init(_ environment: FluxEnvironment) { self.environment = environment }

    private func line(_ symbol: String, _ text: String) { environment.err("\(symbol) \(text)\n") }

    /// `►` an action starts.
    public func action(_ text: String) { line("►", text) }
    /// `✚` something is generated.
    public func generate(_ text: String) { line("✚", text) }
    /// `◎` waiting for the cluster.
    public func waiting(_ text: String) { line("◎", text) }
    /// `✔` success.
    public func success(_ text: String) { line("✔", text) }
    /// `⚠️` warning.
    public func warning(_ text: String) { line("⚠️", text) }
    /// `✗` failure.
    public func failure(_ text: String) { line("✗", text) }
}
