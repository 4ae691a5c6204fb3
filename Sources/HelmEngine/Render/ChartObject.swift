import GoTemplate
import StructuredData

/// `.Chart`: Helm's `struct { chart.Metadata; IsRoot bool }`. Fields use Go names; an unknown
/// field is an execution error (struct semantics).
struct ChartObject: GoObject {
    let metadata: ChartMetadata
    let isRoot: Bool

    var goType: GoType { HelmGoTypes.chart }

    var fieldNames: [String] {
        ["Name", "Home", "Sources", "Version", "Description", "Keywords", "Maintainers", "Icon",
         "APIVersion", "Condition", "Tags", "AppVersion", "Deprecated", "Annotations", "KubeVersion",
         "Dependencies", "Type", "IsRoot"]
    }

    func field(_ name: String) -> GoValue? {
        let m = metadata
        switch name {
        case "Name": return .string(m.name)
        case "Home": return .string(m.home)
        case "Sources": return .strings(m.sources)
        case "Version": return .string(m.version)
        case "Description": return .string(m.description)
        case "Keywords": return .strings(m.keywords)
        case "Maintainers":
            return .list(m.maintainers.map { .object(MaintainerObject(maintainer: $0)) },
                         type: .slice(of: HelmGoTypes.maintainer))
        case "Icon": return .string(m.icon)
        case "APIVersion": return .string(m.apiVersion)
        case "Condition": return .string(m.condition)
        case "Tags": return .string(m.tags)
        case "AppVersion": return .string(m.appVersion)
        case "Deprecated": return .bool(m.deprecated)
        case "Annotations":
            if m.annotations.isEmpty { return .nilValue(.mapStringString) }
            var entries: [(String, GoValue)] = []
            for (k, v) in m.annotations { entries.append((k, .string(v))) }
            return .map(.init(entries, uniquingKeysWith: { _, b in b }), type: .mapStringString)
        case "KubeVersion": return .string(m.kubeVersion)
        case "Dependencies":
            return .list(m.dependencies.map { .object(DependencyObject(dependency: $0)) },
                         type: .slice(of: HelmGoTypes.dependency))
        case "Type": return .string(m.type)
        case "IsRoot": return .bool(isRoot)
        default: return nil
        }
    }
}

/// `*chart.Maintainer`.
struct MaintainerObject: GoObject {
    let maintainer: ChartMaintainer
    var goType: GoType { HelmGoTypes.maintainer }
    var fieldNames: [String] { ["Name", "Email", "URL"] }
    func field(_ name: String) -> GoValue? {
        switch name {
        case "Name": return .string(maintainer.name)
        case "Email": return .string(maintainer.email)
        case "URL": return .string(maintainer.url)
        default: return nil
        }
    }
}

/// `*chart.Dependency`.
struct DependencyObject: GoObject {
    let dependency: ChartDependency
    var goType: GoType { HelmGoTypes.dependency }
    var fieldNames: [String] {
        ["Name", "Version", "Repository", "Condition", "Tags", "Enabled", "ImportValues", "Alias"]
    }
    func field(_ name: String) -> GoValue? {
        let d = dependency
        switch name {
        case "Name": return .string(d.name)
        case "Version": return .string(d.version)
        case "Repository": return .string(d.repository)
        case "Condition": return .string(d.condition)
        case "Tags": return .strings(d.tags)
        case "Enabled": return .bool(d.enabled)
        case "ImportValues": return .list(d.importValues.map(GoValue.init(json:)))
        case "Alias": return .string(d.alias)
        default: return nil
        }
    }
}
