import FluxAPI
import KubeModel
import StructuredData

/// `flux trace`: which Kustomization or HelmRelease manages an object, from which source and revision.
enum TraceCommand {
    static func command() -> Command {
        var trace = Command(
            use: "trace <resource> <name> [<name> ...]",
            short: "Trace in-cluster objects throughout the GitOps delivery pipeline",
            long: withPreviewNote("""
            The trace command shows how one or more objects are managed by Flux,
            from which source and revision they come, and what the latest reconciliation status is.
            You can also trace multiple objects with different resource kinds using <resource>/<name> multiple times.
            """),
            example: """
              # Trace a Kubernetes Deployment
              flux trace -n apps deployment my-app

              # Trace a Kubernetes Pod and a config map
              flux trace -n redis pod/redis-master-0 cm/redis

              # Trace a Kubernetes global object
              flux trace namespace redis

              # Trace a Kubernetes custom resource
              flux trace -n redis helmrelease redis

              # API Version and Kind can also be specified explicitly
              # Note that either both, kind and api-version, or neither have to be specified.
              flux trace redis --kind=helmrelease --api-version=helm.toolkit.fluxcd.io/v2beta2 -n redis
            """)
        trace.flags = [
            FlagSpec("kind", .string, usage: "the Kubernetes object kind, e.g. Deployment'"),
            FlagSpec("api-version", .string, usage: "the Kubernetes object API version, e.g. 'apps/v1'"),
        ]
        trace.run = { try await run(FluxContext($0)) }
        return trace
    }

    static func run(_ context: FluxContext) async throws {
        let kindFlag = context.flags.string("kind")
        let apiVersion = context.flags.string("api-version")
        try await context.withSession { session in
            var objects: [KubeObject]
            if !kindFlag.isEmpty || !apiVersion.isEmpty {
                objects = [try await staticObject(context, session, kind: kindFlag, apiVersion: apiVersion)]
            } else {
                objects = try await dynamicObjects(context, session)
            }
            for (i, object) in objects.enumerated() {
                do {
                    context.out(try await report(session, object, context.rowContext.timeZone))
                } catch {
                    context.err("failed to trace \(object.kind)/\(object.name) in namespace \(object.namespace): \(ErrorText.describe(error))")
                }
                if i < objects.count - 1 { context.out("---\n") }
            }
        }
    }

    /// `--kind` and `--api-version`: one object; its kind is printed as given.
    static func staticObject(_ context: FluxContext, _ session: KubeSession, kind: String, apiVersion: String) async throws -> KubeObject {
        guard let name = context.args.first else { throw FluxCLIError("object name is required") }
        if kind.isEmpty { throw FluxCLIError("object kind is required (--kind)") }
        if apiVersion.isEmpty { throw FluxCLIError("object apiVersion is required (--api-version)") }
        let gv: GroupVersion
        do { gv = try GroupVersion.parse(apiVersion) } catch {
            throw FluxCLIError("invaild apiVersion: \(error.description)")
        }
        let resource: APIResource
        do {
            resource = try await resolve(session, group: gv.group, version: gv.version, kind: kind)
        } catch {
            throw FluxCLIError("failed to find object: \(ErrorText.describe(error))")
        }
        var object: KubeObject
        do { object = try await session.get(resource, namespace: context.namespace, name: name) } catch {
            throw FluxCLIError("failed to find object: \(error.message)")
        }
        object.kind = kind
        return object
    }

    /// The served resource of `group/version` whose kind matches `kind` case-insensitively.
    static func resolve(_ session: KubeSession, group: String, version: String, kind: String) async throws -> APIResource {
        let exact = GroupVersionKind(group: group, version: version, kind: kind)
        if let r = try? await session.resource(exact) { return r }
        let all = try await session.client.discoverAll()
        if let r = all.first(where: { $0.group == group && $0.version == version && $0.kind.lowercased() == kind.lowercased() }) {
            return r
        }
        throw FluxCLIError("no matches for kind \"\(kind)\" in version \"\(exact.groupVersion)\"")
    }

    /// kubectl-style `<resource> <name>…` or `<resource>/<name>…` arguments.
    static func dynamicObjects(_ context: FluxContext, _ session: KubeSession) async throws -> [KubeObject] {
        let args = context.args
        let usage = FluxCLIError("either `<resource>/<name>` or `<resource> <name>` is required as an argument")
        var pairs: [(String, String)] = []
        if let first = args.first, first.contains("/") {
            for arg in args {
                let parts = arg.split(separator: "/", maxSplits: 1)
                guard parts.count == 2 else { throw usage }
                pairs.append((String(parts[0]), String(parts[1])))
            }
        } else {
            guard args.count >= 2 else { throw usage }
            for name in args.dropFirst() {
                if name.contains("/") { throw usage }
                pairs.append((args[0], name))
            }
        }
        var objects: [KubeObject] = []
        var errors: [String] = []
        for (type, name) in pairs {
            let resource = try await session.resource(named: type)
            do {
                objects.append(try await session.get(resource, namespace: resource.namespaced ? context.namespace : nil, name: name))
            } catch {
                errors.append(error.message)
            }
        }
        if !errors.isEmpty {
            throw FluxCLIError("x: " + (errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"))
        }
        return objects
    }

    /// The report for an object managed by a Kustomization or a HelmRelease.
    static func report(_ session: KubeSession, _ object: KubeObject, _ zone: TimeZoneInfo) async throws -> String {
        if let owner = await owner(session, object, group: FluxGroups.kustomize) {
            return try await kustomizationReport(session, owner, object, zone)
        }
        if let owner = await owner(session, object, group: FluxGroups.helm) {
            return try await helmReport(session, owner, object, zone)
        }
        throw FluxCLIError("object not managed by Flux")
    }

    /// `isOwnerManagedByFlux`: the `<group>/name` and `/namespace` labels of the object, or of its
    /// owners, followed up the owner chain.
    static func owner(_ session: KubeSession, _ object: KubeObject, group: String) async -> (namespace: String, name: String)? {
        let labels = object.labels
        if let name = labels["\(group)/name"], !name.isEmpty {
            return (labels["\(group)/namespace"] ?? "", name)
        }
        for reference in object.ownerReferences {
            guard let gv = try? GroupVersion.parse(reference.apiVersion) else { return nil }
            let gvk = GroupVersionKind(group: gv.group, version: gv.version, kind: reference.kind)
            guard let resource = try? await session.resource(gvk),
                  let owner = try? await session.get(resource, namespace: object.namespace, name: reference.name) else { return nil }
            let ownerLabels = owner.labels
            if let name = ownerLabels["\(group)/name"], !name.isEmpty {
                return (ownerLabels["\(group)/namespace"] ?? "", name)
            }
            if !owner.ownerReferences.isEmpty { return await self.owner(session, owner, group: group) }
        }
        return nil
    }

    static func withPreviewNote(_ description: String) -> String {
        description + """


        ⚠️  Please note that this command is in preview and under development.
        While we try our best to not introduce breaking changes, they may occur when
        we adapt to new features and/or find better ways to facilitate what it does.
        """
    }
}
