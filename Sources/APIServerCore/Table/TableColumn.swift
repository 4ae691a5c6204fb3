import GoCompat
import Foundation
import StructuredData

/// One column of a `meta.k8s.io` Table (`TableColumnDefinition`). Priority 0 columns are always
/// shown; priority 1 only with `kubectl get -o wide`.
struct TableColumn: Sendable {
    var name: String
    var type: String = "string"
    var format: String = ""
    var description: String = ""
    var priority: Int = 0

    var json: JSONValue {
        ["name": .string(name), "type": .string(type), "format": .string(format),
         "description": .string(description), "priority": .int(Int64(priority))]
    }

    static let name = TableColumn(name: "Name", format: "name",
                                  description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names")
    static let age = TableColumn(name: "Age", description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    static func wide(_ name: String, _ description: String = "") -> TableColumn {
        TableColumn(name: name, description: description, priority: 1)
    }
    static func int(_ name: String, _ description: String = "") -> TableColumn {
        TableColumn(name: name, type: "integer", description: description)
    }
}

/// Ages of timestamps in tables, printed with Go's `duration.HumanDuration` (`GoCompat`).
enum Age {
    /// The age of an RFC 3339 timestamp at `now` (`<unknown>` when absent or unreadable).
    static func since(_ timestamp: String?, now: Date) -> String {
        guard let timestamp, let date = parse(timestamp) else { return "<unknown>" }
        return HumanDuration.format(seconds: Int64(now.timeIntervalSince(date).rounded(.down)))
    }

    /// Parses `2006-01-02T15:04:05Z` (optionally with fractional seconds).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:Z.".contains($0) }).map(String.init)
        guard parts.count >= 6, let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
              let h = Int(parts[3]), let mi = Int(parts[4]), let s = Int(parts[5]) else { return nil }
        // days_from_civil (Howard Hinnant).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s))
    }
}
