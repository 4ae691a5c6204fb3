import Foundation
import FluxAPI
import FluxCRDs
import FluxInstall
import StructuredData
import SwiftFluxTesting
import Testing

@Suite("swiftflux install --export")
struct InstallExportTests {
    static func ids(_ objects: [JSONValue]) -> [String] {
        objects.map { "\($0["kind"]?.stringValue ?? "")/\($0["metadata"]?["name"]?.stringValue ?? "")" }
    }

    @Test("the default export holds Flux's install objects in apply order")
    func defaultObjects() throws {
        let objects = try InstallManifests.objects(InstallOptions())
        #expect(Self.ids(objects) == [
            "Namespace/flux-system", "ResourceQuota/critical-pods-flux-system",
            "CustomResourceDefinition/alerts.notification.toolkit.fluxcd.io",
            "CustomResourceDefinition/buckets.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/gitrepositories.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/helmcharts.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/helmreleases.helm.toolkit.fluxcd.io",
            "CustomResourceDefinition/helmrepositories.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/kustomizations.kustomize.toolkit.fluxcd.io",
            "CustomResourceDefinition/ocirepositories.source.toolkit.fluxcd.io",
            "CustomResourceDefinition/providers.notification.toolkit.fluxcd.io",
            "CustomResourceDefinition/receivers.notification.toolkit.fluxcd.io",
            "ServiceAccount/helm-controller", "ServiceAccount/kustomize-controller",
            "ServiceAccount/notification-controller", "ServiceAccount/source-controller",
            "ClusterRole/crd-controller-flux-system", "ClusterRole/flux-edit-flux-system", "ClusterRole/flux-view-flux-system",
            "ClusterRoleBinding/cluster-reconciler-flux-system", "ClusterRoleBinding/crd-controller-flux-system",
            "Service/notification-controller", "Service/source-controller", "Service/webhook-receiver",
            "Deployment/helm-controller", "Deployment/kustomize-controller",
            "Deployment/notification-controller", "Deployment/source-controller",
            "NetworkPolicy/allow-egress", "NetworkPolicy/allow-scraping", "NetworkPolicy/allow-webhooks",
        ])
    }

    @Test("objects carry Flux's install labels; CRDs also the component and controller-gen annotation")
    func labels() throws {
        let objects = try InstallManifests.objects(InstallOptions())
        for object in objects {
            let labels = object["metadata"]?["labels"]
            #expect(labels?["app.kubernetes.io/part-of"] == "flux")
            #expect(labels?["app.kubernetes.io/instance"] == "flux-system")
            #expect(labels?["app.kubernetes.io/version"] == "v2.2.0")
        }
        let hr = try #require(objects.first { $0["metadata"]?["name"] == "helmreleases.helm.toolkit.fluxcd.io" })
        #expect(hr["metadata"]?["labels"]?["app.kubernetes.io/component"] == "helm-controller")
        #expect(hr["metadata"]?["annotations"] == ["controller-gen.kubebuilder.io/version": "v0.12.0"])
        #expect(hr["spec"]?["names"]?["shortNames"] == ["hr"])
    }

    @Test("Deployments run the SwiftFlux image with controllers --controllers <name> and Flux's flags")
    func deployments() throws {
        var options = InstallOptions()
        options.image = "registry.local/swiftflux:dev"
        let objects = try InstallManifests.objects(options)
        let source = try #require(objects.first { $0["kind"] == "Deployment" && $0["metadata"]?["name"] == "source-controller" })
        let container = try #require(source["spec"]?["template"]?["spec"]?["containers"]?[0])
        #expect(container["image"] == "registry.local/swiftflux:dev")
        #expect(container["args"] == [
            "controllers", "--controllers=source",
            "--events-addr=http://notification-controller.flux-system.svc.cluster.local./",
            "--watch-all-namespaces=true", "--log-level=info", "--log-encoding=json", "--enable-leader-election",
            "--metrics-addr=:8080", "--health-addr=:9440",
            "--storage-path=/data", "--storage-addr=:9090", "--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.cluster.local.",
        ])
        #expect(source["spec"]?["template"]?["spec"]?["serviceAccountName"] == "source-controller")
        #expect(source["spec"]?["template"]?["spec"]?["priorityClassName"] == "system-cluster-critical")
        let service = try #require(objects.first { $0["kind"] == "Service" && $0["metadata"]?["name"] == "source-controller" })
        #expect(service["spec"]?["ports"] == [["name": "http", "port": 80, "protocol": "TCP", "targetPort": "http"]])
        let notification = try #require(objects.first { $0["kind"] == "Deployment" && $0["metadata"]?["name"] == "notification-controller" })
        let args = notification["spec"]?["template"]?["spec"]?["containers"]?[0]?["args"]?.arrayValue ?? []
        #expect(!args.contains { $0.stringValue?.hasPrefix("--events-addr") ?? false })
        #expect(notification["spec"]?["template"]?["spec"]?["priorityClassName"] == nil)
    }

    @Test("components-extra adds the image controllers and their CRDs; a namespace renames scoped objects")
    func extrasAndNamespace() throws {
        var options = InstallOptions()
        options.componentsExtra = ["image-reflector-controller", "image-automation-controller"]
        options.namespace = "gitops"
        options.networkPolicy = false
        let ids = Self.ids(try InstallManifests.objects(options))
        #expect(ids.contains("CustomResourceDefinition/imagepolicies.image.toolkit.fluxcd.io"))
        #expect(ids.contains("CustomResourceDefinition/imageupdateautomations.image.toolkit.fluxcd.io"))
        #expect(ids.contains("Deployment/image-automation-controller"))
        #expect(ids.contains("ClusterRoleBinding/crd-controller-gitops"))
        #expect(ids.first == "Namespace/gitops")
        #expect(!ids.contains { $0.hasPrefix("NetworkPolicy/") })
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var change: @Sendable (inout InstallOptions) -> Void
        var message: String
    }

    static let invalidCases = [
        InvalidCase(testDescription: "unknown component", change: { $0.components = ["source-controller", "web-controller"] },
                    message: "component web-controller is not available"),
        InvalidCase(testDescription: "namespace that is not a DNS label", change: { $0.namespace = "Flux_System" },
                    message: #"namespace must be a valid DNS label: "Flux_System""#),
        InvalidCase(testDescription: "unsupported log level", change: { $0.logLevel = "trace" },
                    message: "unsupported log level 'trace', must be one of: debug, info, error"),
    ]

    @Test("invalid options fail with flux's messages", arguments: invalidCases)
    func invalid(_ c: InvalidCase) {
        var options = InstallOptions()
        c.change(&options)
        #expect(throws: FluxInstallError.self) { _ = try InstallManifests.objects(options) }
        do {
            _ = try InstallManifests.objects(options)
        } catch {
            #expect(error.description == c.message)
        }
    }

    @Test("the export starts with the generation header and parses back to the same objects")
    func exportText() throws {
        let text = try InstallManifests.export(InstallOptions())
        #expect(text.hasPrefix("""
            ---
            # This manifest was generated by swiftflux. DO NOT EDIT.
            # Flux Version: v2.2.0
            # Components: source-controller,kustomize-controller,helm-controller,notification-controller
            apiVersion: v1
            kind: Namespace

            """))
        #expect(try YAML.parseDocuments(text).filter { !$0.isNull } == (try InstallManifests.objects(InstallOptions())))
    }
}
