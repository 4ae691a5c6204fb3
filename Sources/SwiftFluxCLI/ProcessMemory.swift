import Foundation

/// The process's memory as Linux reports it in `/proc/self/status`.
enum ProcessMemory {
    /// Current resident set size in MiB (`VmRSS`), nil when unavailable.
    static var residentMiB: Int? { field("VmRSS:") }
    /// Peak resident set size in MiB (`VmHWM`), nil when unavailable.
    static var peakResidentMiB: Int? { field("VmHWM:") }

    private static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kb / 1024
    }
}
