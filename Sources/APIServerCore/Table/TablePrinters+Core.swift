import Foundation
import StructuredData

extension TablePrinter {
    static let service = TablePrinter(columns: [
        .name, TableColumn(name: "Type", description: "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
        TableColumn(name: "Cluster-IP", description: "clusterIP is the IP address of the service and is usually assigned randomly."),
        TableColumn(name: "External-IP", description: "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
        TableColumn(name: "Port(s)", description: "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
        .age, .wide("Selector", "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/"),
    ]) { o, now in
        let spec = o["spec"] ?? .null
        let type = spec["type"]?.stringValue ?? "ClusterIP"
        var external = (spec["externalIPs"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch type {
        case "LoadBalancer":
            let ingress = (o["status"]?["loadBalancer"]?["ingress"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
            external = ingress + external
            if external.isEmpty { external = ["<pending>"] }
        case "ExternalName":
            external = [spec["externalName"]?.stringValue ?? ""]
        default: break
        }
        let ports = (spec["ports"]?.arrayValue ?? []).map { p -> String in
            let proto = p["protocol"]?.stringValue ?? "TCP"
            let port = p["port"]?.intValue ?? 0
            if let node = p["nodePort"]?.intValue, node != 0 { return "\(port):\(node)/\(proto)" }
            return "\(port)/\(proto)"
        }
        return [name(o), .string(type), text(spec["clusterIP"]), .string(external.isEmpty ? "<none>" : external.joined(separator: ",")),
                .string(ports.isEmpty ? "<none>" : ports.joined(separator: ",")), age(o, now), mapSelector(spec["selector"])]
    }

    static let configMap = TablePrinter(columns: [.name, .int("Data", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."), .age]) { o, now in
        [name(o), .int(Int64((o["data"]?.objectValue?.count ?? 0) + (o["binaryData"]?.objectValue?.count ?? 0))), age(o, now)]
    }

    static let secret = TablePrinter(columns: [.name, TableColumn(name: "Type", description: "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"), .int("Data", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"), .age]) { o, now in
        [name(o), text(o["type"], none: ""), .int(Int64((o["data"]?.objectValue?.count ?? 0) + (o["stringData"]?.objectValue?.count ?? 0))), age(o, now)]
    }

    static let serviceAccount = TablePrinter(columns: [.name, .int("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret"), .age]) { o, now in
        [name(o), .int(Int64(o["secrets"]?.arrayValue?.count ?? 0)), age(o, now)]
    }

    static let namespace = TablePrinter(columns: [.name, TableColumn(name: "Status", description: "The status of the namespace"), .age]) { o, now in
        [name(o), text(o["status"]?["phase"], none: ""), age(o, now)]
    }

    static let event = TablePrinter(columns: [
        TableColumn(name: "Last Seen", description: "The time at which the most recent occurrence of this event was recorded."),
        TableColumn(name: "Type", description: "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn(name: "Reason", description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn(name: "Object", description: "The object that this event is about."),
        .wide("Subobject", "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object."),
        .wide("Source", "The component reporting this event. Should be a short machine understandable string."),
        TableColumn(name: "Message", description: "A human-readable description of the status of this operation."),
        .wide("First Seen", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
        .wide("Count", "The number of times this event has occurred."),
        TableColumn(name: "Name", format: "name", description: TableColumn.name.description, priority: 1),
    ]) { o, now in
        var last = o["lastTimestamp"]?.stringValue ?? o["eventTime"]?.stringValue
        var count = o["count"]?.intValue ?? 0
        if let series = o["series"], series.objectValue != nil {
            last = series["lastObservedTime"]?.stringValue ?? last
            count = series["count"]?.intValue ?? count
        }
        let first = Age.since(o["firstTimestamp"]?.stringValue ?? o["eventTime"]?.stringValue, now: now)
        var lastText = Age.since(last, now: now)
        if count > 1 { lastText += " (x\(count) over \(first))" }
        let involved = o["involvedObject"] ?? .null
        let object = "\((involved["kind"]?.stringValue ?? "").lowercased())/\(involved["name"]?.stringValue ?? "")"
        var source = o["source"]?["component"]?.stringValue ?? o["reportingComponent"]?.stringValue ?? ""
        if let host = o["source"]?["host"]?.stringValue, !host.isEmpty { source += ", \(host)" }
        return [.string(lastText), text(o["type"], none: ""), text(o["reason"], none: ""), .string(object),
                text(involved["fieldPath"], none: ""), .string(source),
                .string((o["message"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)),
                .string(first), .int(count), name(o)]
    }

    static let claim = TablePrinter(columns: [
        .name, TableColumn(name: "Status", description: "phase represents the current phase of PersistentVolumeClaim."),
        TableColumn(name: "Volume", description: "volumeName is the binding reference to the PersistentVolume backing this claim."),
        TableColumn(name: "Capacity", description: "capacity represents the actual resources of the underlying volume."),
        TableColumn(name: "Access Modes", description: "accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1"),
        TableColumn(name: "StorageClass", description: "storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1"),
        .age, .wide("VolumeMode", "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec."),
    ]) { o, now in
        let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
        let modes = (o["status"]?["accessModes"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { short[$0] } }
        return [name(o), text(o["status"]?["phase"], none: ""), text(o["spec"]?["volumeName"], none: ""),
                text(o["status"]?["capacity"]?["storage"], none: ""), .string(modes.joined(separator: ",")),
                text(o["spec"]?["storageClassName"], none: ""), age(o, now), text(o["spec"]?["volumeMode"])]
    }

    static let ingress = TablePrinter(columns: [
        .name, TableColumn(name: "Class", description: "ingressClassName is the name of an IngressClass cluster resource."),
        TableColumn(name: "Hosts", description: "Hosts that incoming requests are matched against before the ingress rule"),
        TableColumn(name: "Address", description: "Address is a list containing ingress points for the load-balancer"),
        TableColumn(name: "Ports", description: "Ports of TLS configurations that open"), .age,
    ]) { o, now in
        let hosts = (o["spec"]?["rules"]?.arrayValue ?? []).compactMap { $0["host"]?.stringValue }.filter { !$0.isEmpty }
        let address = (o["status"]?["loadBalancer"]?["ingress"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
        let tls = !(o["spec"]?["tls"]?.arrayValue ?? []).isEmpty
        return [name(o), text(o["spec"]?["ingressClassName"]), .string(hosts.isEmpty ? "*" : hosts.joined(separator: ",")),
                .string(address.joined(separator: ",")), .string(tls ? "80, 443" : "80"), age(o, now)]
    }

    static let networkPolicy = TablePrinter(columns: [.name, TableColumn(name: "Pod-Selector", description: "podSelector selects the pods to which this NetworkPolicy object applies. The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace."), .age]) { o, now in
        let s = selector(o["spec"]?["podSelector"])
        return [name(o), s == "<none>" ? "<none>" : s, age(o, now)]
    }

    static let lease = TablePrinter(columns: [.name, TableColumn(name: "Holder", description: "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field."), .age]) { o, now in
        [name(o), text(o["spec"]?["holderIdentity"], none: ""), age(o, now)]
    }

    static let podDisruptionBudget = TablePrinter(columns: [
        .name, TableColumn(name: "Min Available", description: "The minimum number of pods that must be available simultaneously.  This can be either an integer or percentage."),
        TableColumn(name: "Max Unavailable", description: "The maximum number of pods that may be unavailable simultaneously.  This can be either an integer or percentage."),
        .int("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."), .age,
    ]) { o, now in
        func value(_ v: JSONValue?) -> JSONValue {
            if let i = v?.intValue { return .string(String(i)) }
            return text(v, none: "N/A")
        }
        return [name(o), value(o["spec"]?["minAvailable"]), value(o["spec"]?["maxUnavailable"]),
                int(o["status"]?["disruptionsAllowed"]), age(o, now)]
    }

    static func roleBinding(cluster: Bool) -> TablePrinter {
        TablePrinter(columns: [
            .name, TableColumn(name: "Role", description: "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."), .age,
            .wide("Users", "Users in the binding"), .wide("Groups", "Groups in the binding"),
            .wide("ServiceAccounts", "ServiceAccounts in the binding"),
        ]) { o, now in
            let subjects = o["subjects"]?.arrayValue ?? []
            func names(_ kind: String) -> JSONValue {
                .string(subjects.filter { $0["kind"]?.stringValue == kind }.map { s in
                    kind == "ServiceAccount" ? "\(s["namespace"]?.stringValue ?? "")/\(s["name"]?.stringValue ?? "")" : (s["name"]?.stringValue ?? "")
                }.joined(separator: ", "))
            }
            let role = "\(o["roleRef"]?["kind"]?.stringValue ?? "")/\(o["roleRef"]?["name"]?.stringValue ?? "")"
            return [name(o), .string(role), age(o, now), names("User"), names("Group"), names("ServiceAccount")]
        }
    }
}
