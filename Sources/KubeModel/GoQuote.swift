import GoCompat

/// Go `strconv.Quote`, as Kubernetes error messages use it (`%q`).
func goQuote(_ s: String) -> String { GoQuote.quote(s) }

/// Go's `%#v` of a `[]string`, e.g. `[]string{"a", "b"}` (or `[]string(nil)` for nil).
func goStringSliceLiteral(_ values: [String]?) -> String {
    guard let values else { return "[]string(nil)" }
    return "[]string{" + values.map(goQuote).joined(separator: ", ") + "}"
}
