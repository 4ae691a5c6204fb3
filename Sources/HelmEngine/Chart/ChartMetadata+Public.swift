extension ChartMetadata {
    /// Helm's `Metadata.Validate` for callers outside the chart loader (repository index
    /// entries): sanitises the string fields in place and checks required fields, version,
    /// type and dependency aliases, throwing `validation: …` errors.
    public mutating func validateMetadata() throws(HelmError) {
        try validate()
    }
}
