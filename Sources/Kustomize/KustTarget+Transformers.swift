import StructuredData

/// One configured transformer (kustomize's `TransformerWithProperties`): what it does, and the
/// origin recorded on every resource after it ran (when origins are tracked).
struct TransformerStep {
    var origin: Origin?
    var run: (inout ResMap) throws(KustomizeError) -> Void
}

extension KustTarget {
    /// The builtin transformers in kustomize's order, then the `transformers:` entries; after
    /// each, its origin is recorded and emptied resources are dropped (kustomize's
    /// `multiTransformer`).
    func runTransformers(_ ra: inout Accumulator) throws(KustomizeError) {
        var steps = builtinTransformers(ra.config)
        if !kustomization.transformers.isEmpty {
            steps += try ExternalPlugins.transformers(try pluginConfigs(kustomization.transformers), target: self)
        }
        for step in steps {
            try step.run(&ra.resMap)
            if let origin = step.origin {
                for i in ra.resMap.resources.indices { ra.resMap.resources[i].recordTransformer(origin) }
            }
            ra.resMap.resources.removeAll { $0.object.isEmpty }
        }
    }

    private func builtinTransformers(_ tc: TransformerConfig) -> [TransformerStep] {
        let k = kustomization
        let loader = self.loader
        let context = self.context
        var steps: [TransformerStep] = []
        func add(_ kind: String, _ run: @escaping (inout ResMap) throws(KustomizeError) -> Void) {
            steps.append(TransformerStep(origin: origin.map { Origin.builtin(kind, target: $0, fileName: fileName) }, run: run))
        }
        if let psm = k.patchesStrategicMerge, !psm.isEmpty {
            add("PatchStrategicMergeTransformer") { m throws(KustomizeError) in
                try Patches.strategicMerge(psm, &m, loader: loader, custom: context.schema)
            }
        }
        for p in k.patches {
            add("PatchTransformer") { m throws(KustomizeError) in try Patches.patch(p, &m, loader: loader, custom: context.schema) }
        }
        if !k.namespace.isEmpty {
            add("NamespaceTransformer") { m throws(KustomizeError) in try Transformers.namespace(k.namespace, &m, config: tc) }
        }
        if !k.namePrefix.isEmpty {
            add("PrefixTransformer") { m throws(KustomizeError) in
                try Transformers.prefixSuffix(k.namePrefix, isPrefix: true, &m, specs: tc.namePrefix)
            }
        }
        if !k.nameSuffix.isEmpty {
            add("SuffixTransformer") { m throws(KustomizeError) in
                try Transformers.prefixSuffix(k.nameSuffix, isPrefix: false, &m, specs: tc.nameSuffix)
            }
        }
        if !k.labels.isEmpty || !(k.commonLabels ?? [:]).isEmpty {
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
                let pairs = label.pairs.map { ($0.key, $0.value) }
                add("LabelTransformer") { [specs] m throws(KustomizeError) in try Transformers.setMap(pairs, &m, specs: specs) }
            }
            let common = (k.commonLabels ?? [:]).map { ($0.key, $0.value) }
            add("LabelTransformer") { m throws(KustomizeError) in try Transformers.setMap(common, &m, specs: tc.commonLabels) }
        }
        if !k.commonAnnotations.isEmpty {
            let pairs = k.commonAnnotations.map { ($0.key, $0.value) }
            add("AnnotationsTransformer") { m throws(KustomizeError) in try Transformers.setMap(pairs, &m, specs: tc.commonAnnotations) }
        }
        for p in k.patchesJson6902 ?? [] {
            add("PatchJson6902Transformer") { m throws(KustomizeError) in try Patches.json6902(p, &m, loader: loader) }
        }
        for r in k.replicas {
            add("ReplicaCountTransformer") { m throws(KustomizeError) in try Transformers.replicas(r, &m, specs: tc.replicas) }
        }
        for image in k.images {
            add("ImageTagTransformer") { m throws(KustomizeError) in try Images.transform(image, &m, specs: tc.images) }
        }
        if !k.replacements.isEmpty {
            let list = k.replacements
            add("ReplacementTransformer") { m throws(KustomizeError) in
                try Replacements.apply(try Replacements.load(list, loader: loader), &m)
            }
        }
        return steps
    }
}
