import GoTemplate
import StructuredData

extension HelmFunctions {
    static let includeCountsKey = "helm.includedNames"

    func helmFunctions() -> [GoFunction] {
        let options = self.options
        return [
            GoFunction("include", parameters: [.string, .any], result: .string, returnsError: true) { a, context in
                try HelmFunctions.include(a[0].str, a[1], context, limit: options.includeLimit)
            },
            GoFunction("tpl", parameters: [.string, HelmFunctions.valuesType], result: .string, returnsError: true) { a, context in
                try HelmFunctions.tpl(a[0].str, a[1], context, strict: options.strict)
            },
            fn("required", [.string, .any], returnsError: true) { a in
                if a[1].isInterfaceNil { throw SprigError(HelmFunctions.wrapped(a[0].str)) }
                if case .string(let s) = a[1], s.isEmpty { throw SprigError(HelmFunctions.wrapped(a[0].str)) }
                return a[1]
            },
            fn("fail", [.string], result: .string, returnsError: true) { a in throw SprigError(HelmFunctions.wrapped(a[0].str)) },
            fn("lookup", [.string, .string, .string, .string], result: .mapStringAny, returnsError: true) { a in
                guard let cluster = options.cluster else { return .map([:]) }
                let found: JSONValue?
                do {
                    found = try cluster.lookup(apiVersion: a[0].str, kind: a[1].str, namespace: a[2].str, name: a[3].str)
                } catch {
                    throw SprigError("\(error)")
                }
                guard let found, case .object = found else { return .map([:]) }
                return JSONBridge.goValue(from: found)
            },
            fn("getHostByName", [.string], result: .string) { a in
                guard options.allowDNSLookups, let resolve = options.resolveHost else { return .string("") }
                return .string(resolve(a[0].str))
            },
            fn("toYaml", [.any], result: .string) { a in .string(HelmFunctions.toYAML(a[0])) },
            fn("fromYaml", [.string], result: .mapStringAny) { a in HelmFunctions.fromYAML(a[0].str) },
            fn("fromYamlArray", [.string], result: .sliceOfAny) { a in HelmFunctions.fromYAMLArray(a[0].str) },
            fn("toJson", [.any], result: .string) { a in .string((try? JSONBridge.marshal(a[0])) ?? "") },
            fn("fromJson", [.string], result: .mapStringAny) { a in HelmFunctions.fromJSON(a[0].str) },
            fn("fromJsonArray", [.string], result: .sliceOfAny) { a in HelmFunctions.fromJSONArray(a[0].str) },
            fn("toToml", [.any], result: .string) { a in .string(TOMLWriter.encode(a[0])) },
        ]
    }

    /// `chartutil.Values`, the parameter type of `tpl`.
    public static let valuesType = GoType.named("chartutil.Values", underlying: .mapStringAny)

    static func include(_ name: String, _ data: GoValue, _ context: GoCallContext, limit: Int) throws -> GoValue {
        var counts = context.userInfo[includeCountsKey] as? [String: Int] ?? [:]
        if let count = counts[name] {
            if count > limit {
                throw SprigError("rendering template has a nested reference name: \(name): unable to execute template")
            }
            counts[name] = count + 1
        } else {
            counts[name] = 1
        }
        context.userInfo[includeCountsKey] = counts
        defer {
            var after = context.userInfo[includeCountsKey] as? [String: Int] ?? [:]
            after[name] = (after[name] ?? 1) - 1
            context.userInfo[includeCountsKey] = after
        }
        do {
            return .string(try context.execute(name, data: data))
        } catch let error as GoTemplateError {
            // Go reports an inner template's failure as the include call's error.
            throw SprigError(error.message)
        }
    }

    /// Helm 3.13's `tpl` (`renderWithReferences`): reads `Template.BasePath` and
    /// `Template.Name` from `values`, parses `text` under that name into a fresh set that
    /// replays the chart's templates after it (`Template.parsingFirst`), runs it with
    /// fresh `include` counters, and removes `<no value>`. Failures are cleaned up as Helm
    /// does and wrapped as `error during tpl function execution for "<text>"`.
    static func tpl(_ text: String, _ values: GoValue, _ context: GoCallContext, strict: Bool) throws -> GoValue {
        let entries = values.mapEntries ?? [:]
        let templateInfo = entries["Template"]?.mapEntries ?? objectFields(entries["Template"])
        guard let basePath = templateInfo?["BasePath"], basePath.mapEntries == nil, !basePath.isInterfaceNil else {
            throw SprigError("cannot retrieve Template.Basepath from values inside tpl function: \(text): \"BasePath\" is not a value")
        }
        guard let nameValue = templateInfo?["Name"], nameValue.mapEntries == nil, !nameValue.isInterfaceNil else {
            throw SprigError("cannot retrieve Template.Name from values inside tpl function: \(text): \"Name\" is not a value")
        }
        let name = nameValue.strval
        var base = context.template
        base.options.missingKey = strict ? .error : .zero
        let set: Template
        do {
            set = try base.parsingFirst(text, as: name)
        } catch let error as GoTemplateError {
            throw SprigError("error during tpl function execution for \(GoQuoteText.quote(text)): \(cleanupParseError(error, filename: name))")
        }
        let savedCounts = context.userInfo[includeCountsKey]
        context.userInfo[includeCountsKey] = nil
        defer { context.userInfo[includeCountsKey] = savedCounts }
        do {
            let out = try context.execute(set, name: name, data: values)
            return .string(TextUtil.replaceAll(out, "<no value>", ""))
        } catch let error as GoTemplateError {
            throw SprigError("error during tpl function execution for \(GoQuoteText.quote(text)): \(cleanupExecError(error, filename: name))")
        }
    }

    /// Helm's `cleanupParseError`: `parse error at (<file:line>): <last message part>`.
    public static func cleanupParseError(_ error: GoTemplateError, filename: String) -> String {
        let tokens = TextUtil.split(error.message, ": ", limit: -1)
        guard tokens.count > 1 else { return "parse error in (\(filename)): \(error.message)" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    static func objectFields(_ value: GoValue?) -> Entries? {
        guard case .object(let o)? = value else { return nil }
        var out = Entries()
        for name in o.fieldNames { out[name] = o.field(name) }
        return out
    }
}
