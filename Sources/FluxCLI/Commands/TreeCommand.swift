import FluxAPI
import FluxSSA
import HelmActions
import KubeModel
import StructuredData

/// `flux tree kustomization`: the inventory of a Kustomization, recursively, with the objects of
/// HelmReleases read from their Helm storage.
enum TreeCommand {
    static func command() -> Command {
        var tree = Command(use: "tree", short: "Print the resources reconciled by Flux",
                           long: TraceCommand.withPreviewNote("The tree command shows the list of resources reconciled by a Flux object."))
        var ks = Command(use: "kustomization [name]", aliases: ["ks", "kustomization"],
                         short: "Print the resource inventory of a Kustomization",
                         long: TraceCommand.withPreviewNote("The tree command prints the resource list reconciled by a Kustomization.'"),
                         example: """
                           # Print the resources managed by the root Kustomization
                           flux tree kustomization flux-system

                           # Print the Flux resources managed by the root Kustomization
                           flux tree kustomization flux-system --compact
                         """)
        ks.flags = [
            FlagSpec("compact", .bool, usage: "list Flux resources only."),
            FlagSpec("output", short: "o", .string, usage: "the format in which the tree should be printed. can be 'json' or 'yaml'"),
        ]
        ks.run = { try await run(FluxContext($0)) }
        ks.completeArgs = Completions.objectNames(FluxKinds.kustomization)
        tree.subcommands = [ks]
        return tree
    }

    /// One node: an object and the objects it manages.
    struct Node: Sendable {
        var resource: ObjMetadata
        var children: [Node] = []

        var json: JSONValue {
            var o: JSONObject = ["resource": .object([
                "Namespace": .string(resource.namespace), "Name": .string(resource.name),
                "GroupKind": .object(["Group": .string(resource.groupKind.group), "Kind": .string(resource.groupKind.kind)]),
            ])]
            if !children.isEmpty { o["resources"] = .array(children.map(\.json)) }
            return .object(o)
        }

        /// The `├──`/`└──` drawing.
        func render() -> String { resource.subject + "\n" + Self.items(children, []) }

        static func items(_ nodes: [Node], _ spaces: [Bool]) -> String {
            var out = ""
            for (i, node) in nodes.enumerated() {
                let last = i == nodes.count - 1
                let prefix = spaces.map { $0 ? "    " : "│   " }.joined()
                out += prefix + (last ? "└── " : "├── ") + node.resource.subject + "\n"
                if !node.children.isEmpty { out += items(node.children, spaces + [last]) }
            }
            return out
        }
    }

    static let compactGroup = "toolkit.fluxcd.io"

    static func run(_ context: FluxContext) async throws {
        guard let name = context.args.first else { throw FluxCLIError("kustomization name is required") }
        let compact = context.flags.bool("compact")
        let root = try await context.withSession { session -> Node in
            let ks = try await session.get(Kustomization.apiResource, namespace: context.namespace, name: name)
            var node = Node(resource: ObjMetadata(namespace: ks.namespace, name: ks.name,
                                                  groupKind: GroupKind(group: FluxGroups.kustomize, kind: "Kustomization")))
            node.children = try await children(session, ks, compact: compact)
            return node
        }
        switch context.flags.string("output") {
        case "json":
            context.out(root.json.serialized(JSONWriteOptions(indent: "  ")) + "\n")
        case "yaml":
            context.out(try YAML.serialize(root.json) + "\n")
        default:
            context.out(root.render() + "\n")
        }
    }

    /// `treeKustomization`: the inventory entries of `ks`, nested Kustomizations and HelmReleases expanded.
    static func children(_ session: KubeSession, _ ks: KubeObject, compact: Bool) async throws -> [Node] {
        guard let entries = ks.raw[path: ["status", "inventory", "entries"]]?.arrayValue, !entries.isEmpty else { return [] }
        var nodes: [Node] = []
        for entry in entries {
            let id: ObjMetadata
            do { id = try ObjMetadata.parse(entry["id"]?.stringValue ?? "") } catch { throw FluxCLIError(error.message) }
            if compact && !id.groupKind.group.contains(compactGroup) { continue }
            let isKustomization = id.groupKind.group == FluxGroups.kustomize && id.groupKind.kind == "Kustomization"
            if isKustomization && id.namespace == ks.namespace && id.name == ks.name { continue }
            var node = Node(resource: id)
            if id.groupKind.group == FluxGroups.helm && id.groupKind.kind == "HelmRelease" {
                for object in try await helmReleaseInventory(session, namespace: id.namespace, name: id.name)
                where !compact || object.groupKind.group.contains(compactGroup) {
                    node.children.append(Node(resource: object))
                }
            }
            if isKustomization && ks.raw[path: ["spec", "kubeConfig"]] == nil {
                let child: KubeObject
                do { child = try await session.get(Kustomization.apiResource, namespace: id.namespace, name: id.name) } catch {
                    throw FluxCLIError("failed to find object: \(error.message)")
                }
                node.children += try await children(session, child, compact: compact)
            }
            nodes.append(node)
        }
        return nodes
    }
}
