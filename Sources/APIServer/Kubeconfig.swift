import Foundation

/// A kubeconfig for one server: cluster (URL + CA), user (bearer token), context `swiftflux`.
public enum Kubeconfig {
    /// The kubeconfig YAML text.
    public static func render(serverURL: String, caCertificatePEM: String?, token: String) -> String {
        var cluster = "    server: \(serverURL)\n"
        if let caCertificatePEM {
            cluster += "    certificate-authority-data: \(Data(caCertificatePEM.utf8).base64EncodedString())\n"
        }
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: swiftflux
              cluster:
            \(cluster)users:
            - name: swiftflux
              user:
                token: \(token)
            contexts:
            - name: swiftflux
              context:
                cluster: swiftflux
                user: swiftflux
                namespace: default
            current-context: swiftflux
            preferences: {}

            """
    }

    /// Writes the kubeconfig atomically (a reader never sees a partial file), mode 0600.
    public static func write(to path: String, serverURL: String, caCertificatePEM: String?, token: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let text = render(serverURL: serverURL, caCertificatePEM: caCertificatePEM, token: token)
        let temporary = path + ".tmp-\(getpid())"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
        if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    }
}
