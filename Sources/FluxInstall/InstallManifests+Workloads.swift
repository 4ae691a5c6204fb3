import FluxAPI
import StructuredData

extension Context {
    func serviceAccount(_ component: FluxComponent) -> JSONValue {
        ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": metadata(component.rawValue, component)]
    }

    /// source-controller's artifact Service (80 → `http`), the notification-controller's event
    /// Service (80 → `http`) and `webhook-receiver` (80 → `http-webhook`).
    func services(_ component: FluxComponent) -> [JSONValue] {
        func service(_ name: String, target: String) -> JSONValue {
            [
                "apiVersion": "v1", "kind": "Service",
                "metadata": metadata(name, component, extra: ["control-plane": "controller"]),
                "spec": [
                    "ports": [["name": "http", "port": 80, "protocol": "TCP", "targetPort": .string(target)]],
                    "selector": ["app": .string(component.rawValue)],
                    "type": "ClusterIP",
                ],
            ]
        }
        switch component {
        case .sourceController: return [service("source-controller", target: "http")]
        case .notificationController:
            return [service("notification-controller", target: "http"), service("webhook-receiver", target: "http-webhook")]
        default: return []
        }
    }

    /// The controller's arguments: `controllers --controllers=<name>` and the flags Flux's install
    /// passes (events address, namespace scope, logging, leader election, storage for source).
    func arguments(_ component: FluxComponent) -> [String] {
        var args = ["controllers", "--controllers=\(component.controllerName)"]
        if component.sendsEvents { args.append("--events-addr=\(options.eventsAddress(components))") }
        args += [
            "--watch-all-namespaces=\(options.watchAllNamespaces)",
            "--log-level=\(options.logLevel)",
            "--log-encoding=json",
            "--enable-leader-election",
            // SwiftFlux binds to loopback unless told otherwise; in a pod the probes and metrics
            // must be reachable, as Flux's are on every interface.
            "--metrics-addr=:8080",
            "--health-addr=:9440",
        ]
        if component == .sourceController {
            args += ["--storage-path=/data", "--storage-addr=:9090",
                     "--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.\(options.clusterDomain)."]
        }
        return args
    }

    func deployment(_ component: FluxComponent) -> JSONValue {
        let name = JSONValue.string(component.rawValue)
        var ports: [JSONValue] = []
        for (portName, port) in component.ports {
            ports.append(["containerPort": .int(port), "name": .string(portName), "protocol": "TCP"])
        }
        var env: [JSONValue] = [["name": "RUNTIME_NAMESPACE", "valueFrom": ["fieldRef": ["fieldPath": "metadata.namespace"]]]]
        if component == .sourceController { env.append(["name": "TUF_ROOT", "value": "/tmp/.sigstore"]) }
        // As upstream: source-controller mounts `data` then `tmp`; the others `temp`, then `data`
        // for image-reflector-controller.
        var volumeNames: [(name: String, path: String)] = component == .sourceController
            ? [("data", "/data"), ("tmp", "/tmp")] : [("temp", "/tmp")]
        if component == .imageReflectorController { volumeNames.append(("data", "/data")) }
        let mounts: [JSONValue] = volumeNames.map { ["mountPath": .string($0.path), "name": .string($0.name)] }
        let volumes: [JSONValue] = volumeNames.map { ["emptyDir": [:], "name": .string($0.name)] }
        let readiness: JSONValue = component == .sourceController
            ? ["httpGet": ["path": "/", "port": "http"]] : ["httpGet": ["path": "/readyz", "port": "healthz"]]
        let container: JSONValue = [
            "args": .array(arguments(component).map { .string($0) }),
            "env": .array(env),
            "image": .string(options.resolvedImage),
            "imagePullPolicy": "IfNotPresent",
            "livenessProbe": ["httpGet": ["path": "/healthz", "port": "healthz"]],
            "name": "manager",
            "ports": .array(ports),
            "readinessProbe": readiness,
            "resources": [
                "limits": ["cpu": "1000m", "memory": "1Gi"],
                "requests": ["cpu": .string(component.cpuRequest), "memory": "64Mi"],
            ],
            "securityContext": [
                "allowPrivilegeEscalation": false, "capabilities": ["drop": ["ALL"]], "readOnlyRootFilesystem": true,
                "runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"],
            ],
            "volumeMounts": .array(mounts),
        ]
        var podSpec: JSONObject = [
            "containers": [container],
            "nodeSelector": ["kubernetes.io/os": "linux"],
            "securityContext": ["fsGroup": 1337],
            "serviceAccountName": name,
            "terminationGracePeriodSeconds": .int(component.terminationGracePeriodSeconds),
            "volumes": .array(volumes),
        ]
        if component.isCritical { podSpec["priorityClassName"] = "system-cluster-critical" }
        if let secret = options.imagePullSecret { podSpec["imagePullSecrets"] = [["name": .string(secret)]] }
        var spec: JSONObject = [
            "replicas": 1,
            "selector": ["matchLabels": ["app": name]],
            "template": [
                "metadata": [
                    "annotations": ["prometheus.io/port": "8080", "prometheus.io/scrape": "true"],
                    "labels": ["app": name],
                ],
                "spec": .object(podSpec),
            ],
        ]
        if component.recreates { spec["strategy"] = ["type": "Recreate"] }
        return [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": metadata(component.rawValue, component, extra: ["control-plane": "controller"]),
            "spec": .object(spec),
        ]
    }
}
