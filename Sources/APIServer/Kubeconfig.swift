import Foundation

/// A kubeconfig for one server: cluster (URL + CA), user (bearer token), context `swiftflux`.
public enum Kubeconfig {
    /// The kubeconfig YAML text: the admin (`swiftflux` user and current context) plus, for each
    /// named user, a user entry and a context `<name>@swiftflux`.
    public static func render(serverURL: String, caCertificatePEM: String?, token: String,
                              users: [(name: String, token: String)] = []) -> String {
        var cluster = "    server: \(serverURL)\n"
        if let caCertificatePEM {
            cluster += "    certificate-authority-data: \(Data(caCertificatePEM.utf8).base64EncodedString())\n"
        }
        var userEntries = ""
        var contextEntries = ""
        for user in users {
            let name = quoted(user.name)
            userEntries += "- name: \(name)\n  user:\n    token: \(user.token)\n"
            contextEntries += "- name: \(quoted(user.name + "@swiftflux"))\n  context:\n    cluster: swiftflux\n    user: \(name)\n    namespace: default\n"
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
            \(userEntries)contexts:
            - name: swiftflux
              context:
                cluster: swiftflux
                user: swiftflux
                namespace: default
            \(contextEntries)current-context: swiftflux
            preferences: {}

            """
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes the kubeconfig atomically (a reader never sees a partial file), mode 0600.
    public static func write(to path: String, serverURL: String, caCertificatePEM: String?, token: String,
                             users: [(name: String, token: String)] = []) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let text = render(serverURL: serverURL, caCertificatePEM: caCertificatePEM, token: token, users: users)
        let temporary = path + ".tmp-\(getpid())"
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
        if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    }
}
