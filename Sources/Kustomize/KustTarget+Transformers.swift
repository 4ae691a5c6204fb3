import StructuredData

extension KustTarget {
    /// The builtin transformers in kustomize's order, then the `transformers:` entries.
    func runTransformers(_ ra: inout Accumulator) throws(KustomizeError) {
        let k = kustomization
        let tc = ra.config
        let custom = try customSchema()
        if let psm = k.patchesStrategicMerge, !psm.isEmpty {
            try Patches.strategicMerge(psm, &ra.resMap, loader: loader, custom: custom)
        }
        for p in k.patches { try Patches.patch(p, &ra.resMap, loader: loader, custom: custom) }
        try Transformers.namespace(k.namespace, &ra.resMap, config: tc)
        try Transformers.prefixSuffix(k.namePrefix, isPrefix: true, &ra.resMap, specs: tc.namePrefix)
        try Transformers.prefixSuffix(k.nameSuffix, isPrefix: false, &ra.resMap, specs: tc.nameSuffix)
        for label in k.labels {
            var specs = label.fields
            func mergeAll(_ more: [FieldSpec]) {
                for fs in more where !specs.contains(where: { $0.gvk == fs.gvk && $0.path == fs.path }) { specs.append(fs) }
            }
            if label.includeSelectors {
                mergeAll(tc.commonLabels)
            } else {
                if label.includeTemplates { mergeAll(tc.templateLabels) }
                mergeAll([FieldSpec(path: "metadata/labels", create: true)])
            }
            try Transformers.setMap(sortedPairs(label.pairs), &ra.resMap, specs: specs)
        }
        if let common = k.commonLabels {
            for l in k.labels {
                for key in l.pairs.keys where common[key] != nil {
                    throw KustomizeError(.invalid, "label name '\(key)' exists in both commonLabels and labels")
                }
            }
            try Transformers.setMap(sortedPairs(common), &ra.resMap, specs: tc.commonLabels)
        }
        try Transformers.setMap(sortedPairs(k.commonAnnotations), &ra.resMap, specs: tc.commonAnnotations)
        for p in k.patchesJson6902 ?? [] { try Patches.json6902(p, &ra.resMap, loader: loader) }
        for r in k.replicas { try Transformers.replicas(r, &ra.resMap, specs: tc.replicas) }
        for image in k.images { try Images.transform(image, &ra.resMap, specs: tc.images) }
        for r in k.replacements { try Replacements.apply(try Replacements.load(r, loader: loader), &ra.resMap) }
        if !k.transformers.isEmpty {
            try ExternalPlugins.runTransformers(k.transformers, target: self, &ra)
        }
    }

    /// The `openapi: {path: …}` schema, if any.
    func customSchema() throws(KustomizeError) -> CustomSchema? {
        if let path = kustomization.openapi["path"] {
            if kustomization.openapi["version"] != nil {
                throw KustomizeError(.invalid, "builtin version and custom schema provided, cannot use both")
            }
            let bytes: [UInt8]
            do { bytes = try loader.load(path) } catch {
                throw KustomizeError(.notFound, "'\(KustomizePath.join(loader.root, path))' doesn't exist")
            }
            return try CustomSchema(bytes)
        }
        return nil
    }

    private func sortedPairs(_ pairs: some Sequence<(key: String, value: String)>) -> [(String, String)] {
        pairs.map { ($0.key, $0.value) }
    }
}
