import HelmEngine
import StructuredData

extension Upgrade {
    /// The release an upgrade starts from and the last revision (Helm's `prepareUpgrade`): the
    /// last revision when it is deployed, else the deployed one, else a failed or superseded last
    /// revision.
    /// - Throws: `"<name>" has no deployed releases` when there is no history (or only uninstalled
    ///   or other revisions without a deployed one), `another operation (install/upgrade/rollback)
    ///   is in progress` when the last revision is pending, or storage errors.
    public func currentRelease(_ config: ActionConfiguration) async throws(HelmActionsError) -> (current: Release, last: Release) {
        let (current, last) = try await currentAndLast(config)
        return (current, last)
    }

    /// Helm 3.13's `Upgrade.reuseValues`, for callers that render the chart themselves:
    /// - `reset`: the new values as given;
    /// - `reuse`: the new values coalesced over the current release's config (`CoalesceTables`: a
    ///   `null` among the new values deletes the old key), and the chart's own values replaced by
    ///   the current release's coalesced values (the old chart's defaults plus its config), so the
    ///   new chart's defaults are not seen;
    /// - otherwise the current config when no new values are given.
    /// - Returns: the values to render with and to store as the new release's config.
    /// - Throws: `failed to rebuild old values: …` when the stored values cannot be coalesced.
    public static func reuseValues(_ values: JSONObject, chart: inout HelmEngine.Chart, current: Release,
                                   reuse: Bool, reset: Bool) throws(HelmActionsError) -> JSONObject {
        let old = current.config?.objectValue ?? [:]
        if reset { return values }
        if reuse {
            var metadata = ChartMetadata()
            metadata.name = current.chart?.name ?? ""
            var previous = HelmEngine.Chart(metadata: metadata)
            previous.values = current.chart?.values?.objectValue ?? [:]
            do {
                chart.values = try Coalesce.coalesceValues(previous, old)
                chart.hasValues = true
            } catch {
                throw .message("failed to rebuild old values: \(error.message)")
            }
            return Coalesce.coalesceTables(values, old)
        }
        if values.isEmpty && !old.isEmpty { return old }
        return values
    }
}
