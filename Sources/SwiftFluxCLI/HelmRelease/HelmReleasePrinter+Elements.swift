import GoCompat
import HelmActions
import StructuredData

/// The row and object forms `helm list`, `history` and `get metadata` print, and Go's time
/// formats they use.
extension HelmReleasePrinter {
    /// Go's `time.Time.String()` (`2006-01-02 15:04:05.999999999 -0700 MST`) for a stored
    /// time: UTC prints `+0000 UTC`, another offset `+0100 +0100` (a fixed zone has no name).
    static func goString(_ time: HelmTime) -> String {
        guard let instant = time.instant else { return "0001-01-01 00:00:00 +0000 UTC" }
        let offset = time.utcOffsetSeconds
        let local = GoTime(unixSeconds: instant.unixSeconds + Int64(offset), nanosecond: instant.nanosecond)
        let nano = local.rfc3339Nano  // 2006-01-02T15:04:05.999999999Z
        let body = nano.dropLast().replacingOccurrences(of: "T", with: " ")
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        let zone = sign + pad2(minutes / 60) + pad2(minutes % 60)
        return "\(body) \(zone) \(offset == 0 ? "UTC" : zone)"
    }

    /// Go's `time.RFC3339` in the time's own offset (`Z` for UTC).
    static func rfc3339(_ time: HelmTime) -> String {
        guard let instant = time.instant else { return "0001-01-01T00:00:00Z" }
        let offset = time.utcOffsetSeconds
        let local = GoTime(unixSeconds: instant.unixSeconds + Int64(offset), nanosecond: 0)
        var text = local.rfc3339
        if offset == 0 { return text }
        text.removeLast()
        let minutes = abs(offset) / 60
        return text + (offset < 0 ? "-" : "+") + pad2(minutes / 60) + ":" + pad2(minutes % 60)
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// `formatAppVersion`: `MISSING` without a chart.
    static func appVersion(_ release: Release) -> String {
        guard let chart = release.chart, chart.metadata != nil else { return "MISSING" }
        return chart.appVersion
    }

    /// `helm list` rows (`releaseElement`): `updated` is `-` for a zero time.
    static func listElements(_ releases: [Release]) -> [JSONObject] {
        releases.map { r in
            let deployed = r.info?.lastDeployed ?? .zero
            return ["name": .string(r.name), "namespace": .string(r.namespace), "revision": .string(String(r.version)),
                    "updated": .string(deployed.isZero ? "-" : goString(deployed)), "status": .string(r.status.rawValue),
                    "chart": .string(chartName(r)), "app_version": .string(appVersion(r))]
        }
    }

    /// `helm history` rows (`releaseInfo`): `updated` marshals as RFC 3339 with nanoseconds.
    static func historyElements(_ releases: [Release]) -> [JSONObject] {
        releases.map { r in
            ["revision": .int(Int64(r.version)), "updated": .string((r.info?.lastDeployed ?? .zero).description),
             "status": .string(r.status.rawValue), "chart": .string(chartName(r)),
             "app_version": .string(appVersion(r)), "description": .string(r.info?.description ?? "")]
        }
    }

    /// `helm get metadata`'s object, in Go field order.
    static func metadata(_ r: Release) -> JSONObject {
        ["name": .string(r.name), "chart": .string(r.chart?.name ?? ""), "version": .string(r.chart?.version ?? ""),
         "appVersion": .string(r.chart?.appVersion ?? ""), "namespace": .string(r.namespace),
         "revision": .int(Int64(r.version)), "status": .string(r.status.rawValue),
         "deployedAt": .string(rfc3339(r.info?.lastDeployed ?? .zero))]
    }

    /// Helm's `output.EncodeJSON` (compact, one line) or `EncodeYAML` (`sigs.k8s.io/yaml`:
    /// keys sorted, as the value goes through a Go map).
    static func encode(_ value: JSONValue, format: String) throws -> String {
        switch format {
        case "yaml": return try YAML.serialize(value, keyOrder: .natural)
        case "json": return value.serialized(.compact) + "\n"
        default: throw FlagError("invalid format type")
        }
    }
}

