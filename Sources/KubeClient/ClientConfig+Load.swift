import Foundation

extension ClientConfig {
    /// controller-runtime's `GetConfig` order: an explicit kubeconfig path (must exist), else
    /// `$KUBECONFIG`, else in-cluster configuration when `KUBERNETES_SERVICE_HOST` is set, else
    /// `~/.kube/config`.
    /// - Throws: `KubeClientError.config` naming the file, context or missing setting.
    public static func load(kubeconfig: String? = nil, context: String? = nil, namespace: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            inClusterRoot: String = "/var/run/secrets/kubernetes.io/serviceaccount")
        throws(KubeClientError) -> ClientConfig
    {
        if let kubeconfig, !kubeconfig.isEmpty {
            return try KubeConfig.load(paths: [kubeconfig], requireAll: true).clientConfig(context: context, namespace: namespace)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return try KubeConfig.loadDefault(environment: environment).clientConfig(context: context, namespace: namespace)
        }
        if let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty {
            var config = try inCluster(environment: environment, root: inClusterRoot)
            if let namespace { config.namespace = namespace }
            return config
        }
        return try KubeConfig.loadDefault(environment: environment).clientConfig(context: context, namespace: namespace)
    }
}
