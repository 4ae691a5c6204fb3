import Testing

/// Records a readable issue when `actual` differs from `expected` (both shown in full).
func expectOutput(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if actual != expected {
        Issue.record("output differs\n--- expected\n\(expected)\n--- actual\n\(actual)\n---", sourceLocation: sourceLocation)
    }
}
