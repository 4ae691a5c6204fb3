import ArgumentParser
import Foundation
import GoTemplate

/// `swiftflux bench template`: Go template engine throughput.
///
/// - Parse: every file of a chart's `templates/` (default: the podinfo 6.5.3 conformance chart)
///   is parsed into one set, as Helm does, repeatedly; reported as templates parsed per second.
///   Parsing uses Go's `SkipFuncCheck` mode so that the figure is the engine's alone (no function map).
/// - Execute: podinfo's templates need Sprig and Helm's functions (`swiftflux bench helm` measures
///   full podinfo renders). Engine-only execution
///   is measured on the rows of Go's own execution table that need only builtins and plain
///   data (nil, numbers, strings, booleans), and the output says so.
struct BenchTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Measure Go template parsing and execution throughput"
    )

    @Option(help: "Chart directory whose templates/ are parsed.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    @Option(help: "Go execution table (JSON) used for the execution figure.")
    var table: String = "../shared/conformance/gotemplate/exec-go1.21.1.json"

    @Option(help: "Seconds to spend on each measurement.")
    var seconds: Double = 2

    func run() throws {
        let files = try chartTemplates()
        guard !files.isEmpty else { throw ValidationError("no templates under \(chart)/templates") }
        let parse = try measure { () throws -> Int in
            var set = Template(name: "gotpl", options: .init(missingKey: .zero, skipFunctionCheck: true))
            for (name, text) in files { try set.parse(text, as: name) }
            return files.count
        }
        print("chart: \(chart) (\(files.count) template files)")
        print(String(format: "parse: %.0f templates/s (%.0f chart parses/s)", parse.perSecond, parse.perSecond / Double(files.count)))

        let rows = try builtinRows()
        let exec = try measure { () throws -> Int in
            for (set, data) in rows { _ = try? set.execute(data: data) }
            return rows.count
        }
        print("execute: \(rows.count) builtin-only rows of Go's exec table (engine only; full podinfo renders: `swiftflux bench helm`)")
        print(String(format: "execute: %.0f executions/s", exec.perSecond))

        var deployment = Template(name: "deployment", options: .init(missingKey: .zero))
        try deployment.parse(Self.deploymentTemplate)
        let values = Self.deploymentValues
        let shaped = try measure { () throws -> Int in
            _ = try deployment.execute(data: values)
            return 1
        }
        print(String(format: "execute: %.0f executions/s of a builtin-only, podinfo-deployment-shaped template", shaped.perSecond))
    }

    /// A Deployment written with builtins only (no Sprig), shaped like podinfo's.
    static let deploymentTemplate = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-{{ .Chart.Name }}
          labels:
        {{- range $k, $v := .Values.labels }}
            {{ $k }}: {{ printf "%q" $v }}
        {{- end }}
        spec:
          replicas: {{ .Values.replicaCount }}
          template:
            spec:
              containers:
                - name: {{ .Chart.Name }}
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  {{- if .Values.resources }}
                  resources:
                    limits:
                      cpu: {{ .Values.resources.limits.cpu }}
                  {{- end }}
                  ports:
                  {{- range .Values.ports }}
                    - containerPort: {{ .port }}
                      name: {{ .name | html }}
                  {{- end }}
        """

    static let deploymentValues = GoValue.map([
        "Release": .map(["Name": .string("rel")]),
        "Chart": .map(["Name": .string("podinfo")]),
        "Values": .map([
            "replicaCount": .of(1.0),
            "labels": .map(["app": .string("podinfo"), "tier": .string("web")]),
            "image": .map(["repository": .string("ghcr.io/stefanprodan/podinfo"), "tag": .string("6.5.3")]),
            "resources": .map(["limits": .map(["cpu": .string("100m")])]),
            "ports": .list([
                .map(["port": .of(9898.0), "name": .string("http")]),
                .map(["port": .of(9999.0), "name": .string("grpc")]),
            ]),
        ]),
    ])

    struct Rate { var perSecond: Double }

    func measure(_ body: () throws -> Int) throws -> Rate {
        let clock = ContinuousClock()
        var units = try body()  // warm-up
        units = 0
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
        while clock.now < deadline { units += try body() }
        let elapsed = start.duration(to: clock.now)
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Rate(perSecond: secs > 0 ? Double(units) / secs : 0)
    }

    /// `(name, text)` for every file under `templates/`, names as Helm forms them.
    func chartTemplates() throws -> [(String, String)] {
        let root = URL(fileURLWithPath: chart)
        let base = root.appendingPathComponent("templates")
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var out: [(String, String)] = []
        for case let url as URL in walker where !url.hasDirectoryPath {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let rel = url.path.replacingOccurrences(of: base.path + "/", with: "")
            out.append((root.lastPathComponent + "/templates/" + rel, text))
        }
        return out.sorted { $0.0 > $1.0 }
    }

    /// Parsed rows of the Go table whose data is a plain literal and that parse with builtins.
    func builtinRows() throws -> [(Template, GoValue)] {
        let data = try Data(contentsOf: URL(fileURLWithPath: table))
        let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        var out: [(Template, GoValue)] = []
        for row in rows {
            guard let input = row["input"] as? String, let expr = row["data"] as? String,
                  let value = Self.literal(expr) else { continue }
            var set = Template(name: row["name"] as? String ?? "row")
            guard (try? set.parse(input)) != nil else { continue }
            out.append((set, value))
        }
        return out
    }

    static func literal(_ expr: String) -> GoValue? {
        switch expr {
        case "nil": return .invalid
        case "true": return .bool(true)
        default: break
        }
        if let i = Int(expr) { return .of(i) }
        if expr.hasPrefix("\""), expr.hasSuffix("\""), expr.count >= 2 { return .string(String(expr.dropFirst().dropLast())) }
        return nil
    }
}
