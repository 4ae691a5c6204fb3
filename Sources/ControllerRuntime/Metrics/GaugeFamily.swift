import OrderedCollections
import Prometheus
import Synchronization

/// Something that writes metrics in the Prometheus text format (version 0.0.4) to `/metrics`.
public protocol MetricsEmitter: Sendable {
    func emit(into buffer: inout [UInt8])
}

/// One gauge metric with a series per label set, kept outside swift-prometheus: its registry
/// copies a whole metric family whenever a series is added, which with a series per object,
/// condition type and status (Flux's `gotk_reconcile_condition`) made adding the n-th object cost
/// O(n). Here a new series costs one insertion.
///
/// Contract: series are emitted in the order they were first set, as
/// `name{label="value",…} value` with label values escaped as the text format requires
/// (`\`, `"` and newline) and integral values written without a fraction, as Go's client does.
final class GaugeFamily: Sendable {
    let name: String
    let help: String
    /// Values by rendered label set, in the order the sets were first seen.
    private let series = Mutex<OrderedDictionary<String, Int64>>([:])

    init(name: String, help: String) {
        self.name = name
        self.help = help
    }

    func set(_ labels: [(String, String)], _ value: Int64) {
        let key = Self.render(labels)
        series.withLock { $0[key] = value }
    }

    func emit(into buffer: inout [UInt8]) {
        let values = series.withLock { $0 }
        guard !values.isEmpty else { return }
        buffer.append(contentsOf: "# HELP \(name) \(help)\n# TYPE \(name) gauge\n".utf8)
        for (key, value) in values {
            buffer.append(contentsOf: name.utf8)
            buffer.append(contentsOf: key.utf8)
            buffer.append(UInt8(ascii: " "))
            buffer.append(contentsOf: String(value).utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    /// `{a="x",b="y"}`.
    static func render(_ labels: [(String, String)]) -> String {
        var out = "{"
        for (i, (key, value)) in labels.enumerated() {
            if i > 0 { out += "," }
            out += key + "=\""
            for c in value.unicodeScalars {
                switch c {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(c)
                }
            }
            out += "\""
        }
        return out + "}"
    }
}

extension PrometheusCollectorRegistry: MetricsEmitter {}
