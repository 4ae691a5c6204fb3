import GoCompat
import StructuredData
import SharedTestData
import Testing
@testable import HelmEngine

/// Ports of Helm's `pkg/chartutil/dependencies_test.go` on its `subpop` and
/// `three-level-dependent-chart` test charts.
@Suite("dependency enabling and import-values", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct DependenciesTests {
    static let testdata = SharedConformance.path("helm-v3.13.2/pkg-testdata/chartutil/testdata")

    static func load(_ name: String) throws -> Chart {
        try ChartLoader().load(path: testdata + "/" + name)
    }

    /// Helm's `extractChartNames`: dotted chart paths, sorted.
    static func names(_ chart: Chart, prefix: String = "") -> [String] {
        let me = prefix.isEmpty ? chart.name : prefix + "." + chart.name
        return ([me] + chart.dependencies.flatMap { names($0, prefix: me) }).sorted()
    }

    struct EnabledCase: CustomTestStringConvertible, Sendable {
        var name: String
        var values: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let enabledCases: [EnabledCase] = [
        .init(name: "tags with no effect", values: "tags: {nothinguseful: false}",
              expected: ["parentchart", "parentchart.subchart1", "parentchart.subchart1.subcharta", "parentchart.subchart1.subchartb"]),
        .init(name: "tags disabling a group", values: "tags: {front-end: false}", expected: ["parentchart"]),
        .init(name: "tags disabling a group and enabling a different group", values: "tags: {front-end: false, back-end: true}",
              expected: ["parentchart", "parentchart.subchart2", "parentchart.subchart2.subchartb", "parentchart.subchart2.subchartc"]),
        .init(name: "tags disabling only children, children still enabled since tag front-end=true in values.yaml",
              values: "tags: {subcharta: false, subchartb: false}",
              expected: ["parentchart", "parentchart.subchart1", "parentchart.subchart1.subcharta", "parentchart.subchart1.subchartb"]),
        .init(name: "tags disabling all parents/children with additional tag re-enabling a parent",
              values: "tags: {front-end: false, subchart1: true, back-end: false}", expected: ["parentchart", "parentchart.subchart1"]),
        .init(name: "conditions enabling the parent charts, but back-end (b, c) is still disabled via values.yaml",
              values: "subchart1: {enabled: true}\nsubchart2: {enabled: true}",
              expected: ["parentchart", "parentchart.subchart1", "parentchart.subchart1.subcharta", "parentchart.subchart1.subchartb", "parentchart.subchart2"]),
        .init(name: "conditions disabling the parent charts, effectively disabling children",
              values: "subchart1: {enabled: false}\nsubchart2: {enabled: false}", expected: ["parentchart"]),
        .init(name: "conditions a child using the second condition path of child's condition",
              values: "subchart1: {subcharta: {enabled: false}}",
              expected: ["parentchart", "parentchart.subchart1", "parentchart.subchart1.subchartb"]),
        .init(name: "tags enabling a parent/child group with condition disabling one child",
              values: "subchart2: {subchartc: {enabled: false}}\ntags: {back-end: true}",
              expected: ["parentchart", "parentchart.subchart1", "parentchart.subchart1.subcharta", "parentchart.subchart1.subchartb", "parentchart.subchart2", "parentchart.subchart2.subchartb"]),
        .init(name: "tags will not enable a child if parent is explicitly disabled with condition",
              values: "subchart1: {enabled: false}\ntags: {front-end: true}", expected: ["parentchart"]),
        .init(name: "subcharts with alias also respect conditions",
              values: "subchart1: {enabled: false}\nsubchart2alias: {enabled: true, subchartb: {enabled: true}}",
              expected: ["parentchart", "parentchart.subchart2alias", "parentchart.subchart2alias.subchartb"]),
    ]

    @Test("tags and conditions enable and disable subcharts", arguments: enabledCases)
    func enabled(_ testCase: EnabledCase) throws {
        var chart = try Self.load("subpop")
        let values = try YAML.parse(testCase.values).helmNumbers.objectValue ?? [:]
        try Dependencies.processEnabled(&chart, values: values, path: "")
        #expect(Self.names(chart) == testCase.expected)
    }

    static let importExpectations: [(String, String)] = [
        ("imported-chart1.SC1bool", "true"), ("imported-chart1.SC1float", "3.14"), ("imported-chart1.SC1int", "100"),
        ("imported-chart1.SC1string", "dollywood"), ("imported-chart1.SC1extra1", "11"), ("imported-chart1.SPextra1", "helm rocks"),
        ("imported-chartA.SCAbool", "false"), ("imported-chartA.SCAfloat", "3.1"), ("imported-chartA.SCAint", "55"),
        ("imported-chartA.SCAstring", "jabba"), ("imported-chartA.SPextra3", "1.337"), ("imported-chartA.SC1extra2", "1.337"),
        ("imported-chartA.SCAnested1.SCAnested2", "true"),
        ("imported-chartA-B.SCAbool", "false"), ("imported-chartA-B.SCAfloat", "3.1"), ("imported-chartA-B.SCAint", "55"),
        ("imported-chartA-B.SCAstring", "jabba"), ("imported-chartA-B.SCBbool", "true"), ("imported-chartA-B.SCBfloat", "7.77"),
        ("imported-chartA-B.SCBint", "33"), ("imported-chartA-B.SCBstring", "boba"), ("imported-chartA-B.SPextra5", "k8s"),
        ("imported-chartA-B.SC1extra5", "tiller"),
        ("overridden-chart1.SC1bool", "false"), ("overridden-chart1.SC1float", "3.141592"), ("overridden-chart1.SC1int", "99"),
        ("overridden-chart1.SC1string", "pollywog"), ("overridden-chart1.SPextra2", "42"),
        ("overridden-chartA.SCAbool", "true"), ("overridden-chartA.SCAfloat", "41.3"), ("overridden-chartA.SCAint", "808"),
        ("overridden-chartA.SCAstring", "jabberwocky"), ("overridden-chartA.SPextra4", "true"),
        ("overridden-chartA-B.SCAbool", "true"), ("overridden-chartA-B.SCAfloat", "41.3"), ("overridden-chartA-B.SCAint", "808"),
        ("overridden-chartA-B.SCAstring", "jabberwocky"), ("overridden-chartA-B.SCBbool", "false"),
        ("overridden-chartA-B.SCBfloat", "1.99"), ("overridden-chartA-B.SCBint", "77"), ("overridden-chartA-B.SCBstring", "jango"),
        ("overridden-chartA-B.SPextra6", "111"), ("overridden-chartA-B.SCAextra1", "23"), ("overridden-chartA-B.SCBextra1", "13"),
        ("overridden-chartA-B.SC1extra6", "77"),
        ("SCBexported1B", "1965"), ("SC1extra7", "true"), ("SCBexported2A", "blaster"),
        ("global.SC1exported2.all.SC1exported3", "SC1expstr"),
    ]

    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .double(let d)?: return GoFloat.format(d, "f", precision: -1, bitSize: 64)
        case .bool(let b)?: return b ? "true" : "false"
        case .string(let s)?: return s
        default: return nil
        }
    }

    @Test("import-values copy child tables into parents, parent values win")
    func importValues() throws {
        var chart = try Self.load("subpop")
        try Dependencies.processImportValues(&chart, merge: false)
        for (path, expected) in Self.importExpectations {
            #expect(Self.text(ValuesPath.pathValue(chart.values, path)) == expected, "\(path)")
        }
        #expect(ValuesPath.pathValue(chart.values, "ensurenull") == nil)
    }

    @Test("merge-mode import keeps nulls")
    func importValuesMergeKeepsNull() throws {
        var chart = try Self.load("subpop")
        try Dependencies.processImportValues(&chart, merge: true)
        #expect(ValuesPath.pathValue(chart.values, "ensurenull") == .null)
    }

    @Test("multi-level precedence: user, parent, imported, subchart", arguments: [
        ("app1.service.port", "3456"), ("app2.service.port", "8080"),
        ("app3.service.port", "9090"), ("app4.service.port", "1234"),
    ])
    func multiLevel(_ path: String, _ expected: String) throws {
        var chart = try Self.load("three-level-dependent-chart/umbrella")
        try Dependencies.processImportValues(&chart, merge: true)
        #expect(Self.text(ValuesPath.pathValue(chart.values, path)) == expected)
    }

    @Test("aliases add copies of a subchart under the alias name")
    func aliases() throws {
        var chart = try Self.load("dependent-chart-alias")
        #expect(chart.dependencies.count == 2)
        try Dependencies.processEnabled(&chart, values: chart.values, path: "")
        #expect(chart.dependencies.count == 3)
        #expect(chart.dependencies.count == chart.metadata.dependencies.count)
    }
}
