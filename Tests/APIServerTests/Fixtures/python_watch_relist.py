# The official Python client against the embedded server: an expired resourceVersion (410 after
# compaction) makes the watch fail, the client re-lists and watches again from the new list.
import sys
from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

config.load_kube_config(config_file=sys.argv[1])
v1 = client.CoreV1Api()
old_rv = v1.list_namespaced_config_map("default").metadata.resource_version
for i in range(int(sys.argv[2])):
    v1.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="churn-%d" % i)))

try:
    for _ in watch.Watch().stream(v1.list_namespaced_config_map, "default", resource_version=old_rv, timeout_seconds=5):
        pass
    print("no-expiry")
except ApiException as e:
    print("expired %d" % e.status)

listed = v1.list_namespaced_config_map("default")
print("relisted %d" % len(listed.items))
w = watch.Watch()
v1.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="after")))
for event in w.stream(v1.list_namespaced_config_map, "default", resource_version=listed.metadata.resource_version, timeout_seconds=5):
    print("%s %s" % (event["type"], event["object"].metadata.name))
    w.stop()
