import GoCompat

/// `metav1.Duration` fields are kept as their wire strings (`"5m"`, `"1m0s"`) so decode→encode is
/// lossless; these helpers read them as Go durations.
public enum FluxDuration {
    /// `text` parsed as a Go duration, or nil when absent or unparsable. Flux's CRDs validate
    /// every duration field with a pattern Go's parser accepts, so nil means "not set" in practice.
    public static func parse(_ text: String?) -> GoDuration? {
        guard let text, !text.isEmpty else { return nil }
        return try? GoDuration.parse(text)
    }

    /// `text` parsed, or `fallback` when absent or unparsable.
    public static func parse(_ text: String?, default fallback: GoDuration) -> GoDuration {
        parse(text) ?? fallback
    }
}
