import GoTemplate
import OrderedCollections
@testable import Sprig

/// Renders `text` with the Sprig function map (plus any `extra` functions) and `data` as dot.
func render(_ text: String, _ data: GoValue = .null, extra: [String: GoFunction] = [:]) throws -> String {
    var functions = Sprig.functions
    functions.merge(extra) { _, new in new }
    var set = Template(name: "t", functions: functions, options: .init(missingKey: .zero))
    try set.parse(text)
    return try set.execute(data: data)
}

/// Renders and returns either the output or the error text.
func outcome(_ text: String, _ data: GoValue = .null) -> String {
    do { return try render(text, data) } catch { return "ERROR: \(error)" }
}

/// Test data resembling Helm's `.Values` after YAML decoding (numbers are float64).
let values: GoValue = .map([
    "n": .float(3, .float64), "name": .string("demo"), "enabled": .bool(false), "empty": .string(""),
    "list": .list([.float(4, .float64), .string("a")]), "port": .float(8080, .float64),
    "nested": .map(["a": .map(["b": .string("deep")])]),
])
