import HelmEngine
import StructuredData

extension IndexDecoder {
    static let versionFields = [
        "name", "home", "sources", "version", "description", "keywords", "maintainers", "icon", "apiVersion",
        "condition", "tags", "appVersion", "deprecated", "annotations", "kubeVersion", "dependencies", "type",
        "urls", "created", "removed", "digest", "checksum", "engine", "tillerVersion", "url",
    ]

    static let dependencyFields = ["name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias"]
    static let maintainerFields = ["name", "email", "url"]

    mutating func chartVersion(_ value: JSONValue) throws(HelmRepoError) -> ChartVersion? {
        guard case .object(let object) = value else {
            if case .null = value { return nil }
            throw fail("json: cannot unmarshal \(Self.goKind(value)) into Go struct field IndexFile.entries of type repo.ChartVersion")
        }
        var cv = ChartVersion(metadata: ChartMetadata())
        let s = "ChartVersion"
        for (key, field) in object {
            guard let name = Self.field(key, in: Self.versionFields) else {
                if strict { throw fail("json: unknown field \"\(key)\"") }
                continue
            }
            let path = "entries." + name
            switch name {
            case "name": cv.metadata.name = try string(field, s, path)
            case "home": cv.metadata.home = try string(field, s, path)
            case "sources": cv.metadata.sources = try strings(field, s, path) ?? []
            case "version": cv.metadata.version = try string(field, s, path)
            case "description": cv.metadata.description = try string(field, s, path)
            case "keywords": cv.metadata.keywords = try strings(field, s, path) ?? []
            case "maintainers": cv.metadata.maintainers = try maintainers(field, path)
            case "icon": cv.metadata.icon = try string(field, s, path)
            case "apiVersion": cv.metadata.apiVersion = try string(field, s, path)
            case "condition": cv.metadata.condition = try string(field, s, path)
            case "tags": cv.metadata.tags = try string(field, s, path)
            case "appVersion": cv.metadata.appVersion = try string(field, s, path)
            case "deprecated": cv.metadata.deprecated = try bool(field, s, path)
            case "annotations":
                switch field {
                case .null: cv.metadata.annotations = []
                case .object(let o):
                    var pairs: [(key: String, value: String)] = []
                    for (k, v) in o { pairs.append((k, try string(v, s, path))) }
                    cv.metadata.annotations = pairs
                default: throw typeError(field, s, path, "map[string]string")
                }
            case "kubeVersion": cv.metadata.kubeVersion = try string(field, s, path)
            case "dependencies":
                cv.metadata.dependencies = try dependencies(field, path)
                cv.metadata.hasDependenciesField = !field.isNull
            case "type": cv.metadata.type = try string(field, s, path)
            case "urls": cv.urls = try strings(field, s, path)
            case "created": if !field.isNull { cv.created = try time(field, s, path) }
            case "removed": cv.removed = try bool(field, s, path)
            case "digest": cv.digest = try string(field, s, path)
            case "checksum": cv.checksum = try string(field, s, path)
            case "engine": cv.engine = try string(field, s, path)
            case "tillerVersion": cv.tillerVersion = try string(field, s, path)
            default: cv.urlDeprecated = try string(field, s, path)
            }
        }
        return cv
    }

    func maintainers(_ value: JSONValue, _ path: String) throws(HelmRepoError) -> [ChartMaintainer] {
        guard case .array(let items) = value else {
            if case .null = value { return [] }
            throw typeError(value, "ChartVersion", path, "[]*chart.Maintainer")
        }
        var out: [ChartMaintainer] = []
        for item in items {
            var m = ChartMaintainer()
            if case .object(let o) = item {
                for (key, field) in o {
                    guard let name = Self.field(key, in: Self.maintainerFields) else {
                        if strict { throw fail("json: unknown field \"\(key)\"") }
                        continue
                    }
                    let v = try string(field, "Maintainer", path + "." + name)
                    switch name {
                    case "name": m.name = v
                    case "email": m.email = v
                    default: m.url = v
                    }
                }
            } else if !item.isNull {
                throw typeError(item, "ChartVersion", path, "chart.Maintainer")
            }
            out.append(m)
        }
        return out
    }

    func dependencies(_ value: JSONValue, _ path: String) throws(HelmRepoError) -> [ChartDependency] {
        guard case .array(let items) = value else {
            if case .null = value { return [] }
            throw typeError(value, "ChartVersion", path, "[]*chart.Dependency")
        }
        var out: [ChartDependency] = []
        for item in items {
            var d = ChartDependency()
            if case .object(let o) = item {
                for (key, field) in o {
                    guard let name = Self.field(key, in: Self.dependencyFields) else {
                        if strict { throw fail("json: unknown field \"\(key)\"") }
                        continue
                    }
                    let p = path + "." + name
                    switch name {
                    case "name": d.name = try string(field, "Dependency", p)
                    case "version": d.version = try string(field, "Dependency", p)
                    case "repository": d.repository = try string(field, "Dependency", p)
                    case "condition": d.condition = try string(field, "Dependency", p)
                    case "tags": d.tags = try strings(field, "Dependency", p) ?? []
                    case "enabled": d.enabled = try bool(field, "Dependency", p)
                    case "import-values":
                        guard case .array(let values) = field else {
                            if field.isNull { continue }
                            throw typeError(field, "Dependency", p, "[]interface {}")
                        }
                        d.importValues = values
                    default: d.alias = try string(field, "Dependency", p)
                    }
                }
            } else if !item.isNull {
                throw typeError(item, "ChartVersion", path, "chart.Dependency")
            }
            out.append(d)
        }
        return out
    }
}
