import KubeClient
import KubeModel
import StructuredData

/// Plays the kubelet for tests: polls Pods in a namespace and writes their status. Pods annotated
/// `swiftflux.dev/simulate: fail` end `Failed`; pods with `restartPolicy: Never` (hook and test
/// pods) end `Succeeded`; others become `Running` with `Ready=True`.
struct FakeKubelet {
    let task: Task<Void, Never>

    init(client: KubeClient, namespace: String) {
        task = Task {
            let pods = APIResource(group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true)
            while !Task.isCancelled {
                if let list = try? await client.list(pods, in: .namespace(namespace)) {
                    for pod in list.items where pod.raw[path: ["status", "phase"]] == nil {
                        var updated = pod
                        if pod.annotations["swiftflux.dev/simulate"] == "fail" {
                            updated.status = ["phase": "Failed"]
                        } else if pod.raw[path: ["spec", "restartPolicy"]]?.stringValue == "Never" {
                            updated.status = ["phase": "Succeeded"]
                        } else {
                            updated.status = ["phase": "Running", "conditions": [["type": "Ready", "status": "True"]]]
                        }
                        _ = try? await client.updateStatus(updated)
                    }
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}
