import Testing
@testable import HelmEngine

/// Ports of Helm's `releaseutil` manifest splitting, hook parsing and kind ordering tests.
@Suite("manifest sorting")
struct ManifestSorterTests {
    @Test("documents split on --- lines and are trimmed", arguments: [
        ("a: 1\n---\nb: 2\n", ["a: 1", "b: 2"]),
        ("---\na: 1\n---\n\n---\nb: 2", ["a: 1", "---\nb: 2"]),   // trailing \\s* eats the newline the next --- needs
        ("a: 1\n  \n---   \nb: 2\n---", ["a: 1", "b: 2"]),
        ("a: 1\n---foo\nb: 2", ["a: 1", "foo\nb: 2"]),
        ("   ", []),
    ])
    func split(_ text: String, _ expected: [String]) {
        #expect(ManifestSorter.splitManifests(text) == expected)
    }

    @Test("hooks are separated, parsed and sorted; manifests follow InstallOrder")
    func sortsHooksAndKinds() throws {
        let files: [(name: String, content: String)] = [
            ("c/templates/b.yaml", "kind: Deployment\nmetadata:\n  name: d\n---\nkind: Service\nmetadata:\n  name: s\n"),
            ("c/templates/a.yaml", "kind: Zebra\nmetadata:\n  name: z\n---\nkind: Apple\nmetadata:\n  name: a\n---\nkind: Namespace\nmetadata:\n  name: n\n"),
            ("c/templates/hook.yaml", """
                kind: Job
                metadata:
                  name: j
                  annotations:
                    helm.sh/hook: "pre-install, Post-Upgrade"
                    helm.sh/hook-weight: "-5"
                    helm.sh/hook-delete-policy: "before-hook-creation,Hook-Succeeded"
                ---
                kind: CustomResourceDefinition
                metadata:
                  name: crd
                  annotations:
                    helm.sh/hook: crd-install
                """),
            ("c/templates/_helpers.tpl", "kind: Secret"),
            ("c/templates/empty.yaml", " \n "),
        ]
        let (hooks, manifests) = try ManifestSorter.sort(files)
        #expect(manifests.map(\.kind) == ["Namespace", "Service", "Deployment", "Apple", "Zebra"])
        #expect(hooks.count == 1)
        let hook = try #require(hooks.first)
        #expect(hook.name == "j")
        #expect(hook.events == [.preInstall, .postUpgrade])
        #expect(hook.weight == -5)
        #expect(hook.deletePolicies == ["before-hook-creation", "hook-succeeded"])
        #expect(hook.path == "c/templates/hook.yaml")
    }

    @Test("an invalid document aborts with Helm's YAML error")
    func invalidYAML() {
        #expect(throws: HelmError.self) {
            _ = try ManifestSorter.sort([("c/templates/x.yaml", "a: b\nc\n")])
        }
    }
}
