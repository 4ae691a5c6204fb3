import Foundation
import Yams

/// YAML ⇄ `JSONValue`, as `sigs.k8s.io/yaml` (over `gopkg.in/yaml.v2` v2.4.0) converts them.
///
/// Reading: YAML 1.1 scalar resolution (see `YAMLScalarResolver`), quoted scalars are strings,
/// non-string keys are stringified (`1` → `"1"`, `true` → `"true"`), merge keys (`<<`) and
/// anchors/aliases are expanded, object key order is kept. Errors are `StructuredDataError(.invalidYAML)`
/// with yaml.v2-style text (`yaml: line 3: …`).
public enum YAML {
    /// Parses the first document of a YAML text, as `yaml.Unmarshal` does (later documents are not
    /// read). An empty text is `.null`.
    public static func parse(_ text: String) throws(StructuredDataError) -> JSONValue {
        do {
            let parser = try Parser(yaml: text, resolver: YAMLNodeConverter.resolver, encoding: .utf8)
            guard let node = try parser.nextRoot() else { return .null }
            var converter = YAMLNodeConverter()
            return try converter.convert(node)
        } catch let error as StructuredDataError {
            throw error
        } catch let error as YamlError {
            throw StructuredDataError(.invalidYAML, describe(error))
        } catch {
            throw StructuredDataError(.invalidYAML, "yaml: \(error)")
        }
    }

    /// Parses a multi-document YAML stream. An empty trailing document (from a final `---`) is dropped.
    public static func parseDocuments(_ text: String) throws(StructuredDataError) -> [JSONValue] {
        var result: [JSONValue] = []
        var lastWasEmpty = false
        do {
            let parser = try Parser(yaml: text, resolver: YAMLNodeConverter.resolver, encoding: .utf8)
            while let node = try parser.nextRoot() {
                var converter = YAMLNodeConverter()
                result.append(try converter.convert(node))
                lastWasEmpty = YAMLNodeConverter.isEmptyDocument(node)
            }
        } catch let error as StructuredDataError {
            throw error
        } catch let error as YamlError {
            throw StructuredDataError(.invalidYAML, describe(error))
        } catch {
            throw StructuredDataError(.invalidYAML, "yaml: \(error)")
        }
        if lastWasEmpty, result.count > 1 { result.removeLast() }
        return result
    }

    /// yaml.v2's error wording: `yaml: line N: <problem>`, with yaml.v2's line choice (the 0-based
    /// problem line for parser errors, 1-based for scanner errors, none when on the first line).
    static func describe(_ error: YamlError) -> String {
        func render(_ problem: String, _ line: Int?) -> String {
            guard let line, line > 0 else { return "yaml: \(problem)" }
            return "yaml: line \(line): \(problem)"
        }
        func choose(_ mark: Mark, _ context: YamlError.Context?, scanner: Bool) -> Int? {
            let problemLine = mark.line - 1
            if problemLine != 0 { return scanner ? problemLine + 1 : problemLine }
            if let context, context.mark.line - 1 != 0 { return context.mark.line - 1 }
            return nil
        }
        switch error {
        case let .scanner(context, problem, mark, _):
            return render(problem, choose(mark, context, scanner: true))
        case let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return render(problem, choose(mark, context, scanner: false))
        case let .reader(problem, offset, _, _):
            return "yaml: invalid input at offset \(offset ?? 0): \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return "yaml: line \(context.mark.line): key \(keys) already set in map"
        default:
            return "yaml: \(error)"
        }
    }
}
