/// Conformance cases that do not pass yet, each with its reason (filled from the last run).
enum KnownConformanceFailures {
    static let reasons: [String: String] = [:]
}
