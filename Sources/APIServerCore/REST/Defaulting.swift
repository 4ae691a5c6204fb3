import StructuredData

/// Server-assigned and extra defaults on top of `BuiltinDefaults` (which holds the `SetDefaults_*`
/// subset): Service addresses and traffic policy, PVC volume mode. Run by admission on every
/// write, dry-run or not, so a dry-run returns exactly what a real write stores. Idempotent.
enum Defaulting {
    /// Applies the extras for `type`'s kind; `old` is the live object on updates.
    static func apply(_ object: inout JSONValue, type: ResourceType, old: JSONValue?) {
        guard !type.isCustom, type.group.isEmpty else { return }
        switch type.kind {
        case "Service":
            let kind = object["spec"]?["type"]?.stringValue ?? "ClusterIP"
            if kind != "ExternalName" { BuiltinDefaults.setDefault(&object, ["spec", "internalTrafficPolicy"], "Cluster") }
            allocateServiceAddresses(&object, old: old)
        case "PersistentVolumeClaim":
            BuiltinDefaults.setDefault(&object, ["spec", "volumeMode"], "Filesystem")
        default:
            break
        }
    }
}

extension Defaulting {
    /// Service address allocation: keeps the live `clusterIP` on updates, else assigns a stable
    /// address in 10.96.0.0/12 derived from namespace/name (so dry-run and real writes agree).
    /// `None` (headless) and ExternalName services get no address.
    static func allocateServiceAddresses(_ object: inout JSONValue, old: JSONValue?) {
        let type = object["spec"]?["type"]?.stringValue ?? "ClusterIP"
        guard type != "ExternalName" else { return }
        var ip = object["spec"]?["clusterIP"]?.stringValue ?? ""
        if ip.isEmpty, let previous = old?["spec"]?["clusterIP"]?.stringValue, !previous.isEmpty { ip = previous }
        if ip.isEmpty {
            let hash = fnv32a(Array("\(object.metadataString("namespace"))/\(object.metadataString("name"))".utf8))
            let offset = 10 + hash % ((1 << 20) - 20)
            ip = "10.\(96 + (offset >> 16)).\((offset >> 8) & 0xff).\(offset & 0xff)"
        }
        object.set(["spec", "clusterIP"], .string(ip))
        BuiltinDefaults.setDefault(&object, ["spec", "clusterIPs"], [.string(ip)])
        if ip != "None" {
            BuiltinDefaults.setDefault(&object, ["spec", "ipFamilies"], ["IPv4"])
            BuiltinDefaults.setDefault(&object, ["spec", "ipFamilyPolicy"], "SingleStack")
        }
    }

    /// 32-bit FNV-1a.
    static func fnv32a(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
