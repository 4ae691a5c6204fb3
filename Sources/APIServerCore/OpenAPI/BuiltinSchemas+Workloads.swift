extension BuiltinSchemas {
    static let appsPackage = "io.k8s.api.apps.v1."
    static let batchPackage = "io.k8s.api.batch.v1."

    static func apps(_ name: String) -> SchemaType { .ref(appsPackage + name) }
    static func batch(_ name: String) -> SchemaType { .ref(batchPackage + name) }

    /// A status field of workload kinds: the conditions list merged by type.
    static func conditions(_ type: SchemaType) -> SchemaField {
        M("conditions", .array(type), "The latest observations of the object's state.", key: "type")
    }

    /// apps/v1 and batch/v1.
    static let workloads: [SchemaDefinition] =
        kind("apps", "v1", "Deployment", "A Deployment keeps a replicated set of pods up to date through ReplicaSets, with rolling updates.", [
            F("spec", apps("DeploymentSpec"), "The desired behavior of the Deployment."),
            F("status", apps("DeploymentStatus"), "The most recently observed state of the Deployment. Read-only."),
        ]) + [
            object(appsPackage + "DeploymentSpec", "The desired state of a Deployment.", [
                F("minReadySeconds", .int32, "Seconds a new pod must be ready, without crashing, to count as available. Defaults to 0."),
                F("paused", .boolean, "Whether the rollout is paused."),
                F("progressDeadlineSeconds", .int32, "Seconds a rollout may make no progress before it is reported as failed. Defaults to 600."),
                F("replicas", .int32, "The number of desired pods. Defaults to 1."),
                F("revisionHistoryLimit", .int32, "How many old ReplicaSets to keep for rollback. Defaults to 10."),
                F("selector", .meta("LabelSelector"), "The label query over pods that the Deployment manages; it must match the template's labels.", required: true),
                SchemaField(name: "strategy", type: apps("DeploymentStrategy"), description: "How existing pods are replaced by new ones.",
                            patchStrategy: "retainKeys"),
                F("template", .core("PodTemplateSpec"), "The pods the Deployment creates.", required: true),
            ]),
            object(appsPackage + "DeploymentStrategy", "How a Deployment replaces its pods.", [
                F("rollingUpdate", apps("RollingUpdateDeployment"), "Settings of a rolling update; only with type `RollingUpdate`."),
                F("type", .string, "`Recreate` or `RollingUpdate` (default)."),
            ]),
            object(appsPackage + "RollingUpdateDeployment", "The pace of a rolling update.", [
                F("maxSurge", .intOrString, "How many pods (or what percentage) may exist above the desired count. Defaults to 25%."),
                F("maxUnavailable", .intOrString, "How many pods (or what percentage) may be unavailable during the update. Defaults to 25%."),
            ]),
            object(appsPackage + "DeploymentStatus", "The observed state of a Deployment.", [
                F("availableReplicas", .int32, "Pods ready for at least minReadySeconds."),
                F("collisionCount", .int32, "Hash collisions of the template, used to name new ReplicaSets."),
                conditions(apps("DeploymentCondition")),
                F("observedGeneration", .int64, "The generation the controller last acted on."),
                F("readyReplicas", .int32, "Pods with a Ready condition."),
                F("replicas", .int32, "Pods targeted by the Deployment."),
                F("unavailableReplicas", .int32, "Pods still needed for the Deployment to be fully available."),
                F("updatedReplicas", .int32, "Pods that run the current template."),
            ]),
            object(appsPackage + "DeploymentCondition", "One condition of a Deployment.", [
                F("lastTransitionTime", .time, "When the condition last changed status."),
                F("lastUpdateTime", .time, "When the condition was last updated."),
                F("message", .string, "A human-readable explanation."),
                F("reason", .string, "Why the condition last changed."),
                F("status", .string, "`True`, `False` or `Unknown`.", required: true),
                F("type", .string, "`Available`, `Progressing` or `ReplicaFailure`.", required: true),
            ]),
        ]
        + kind("apps", "v1", "ReplicaSet", "A ReplicaSet keeps a given number of identical pods running.", [
            F("spec", apps("ReplicaSetSpec"), "The desired behavior of the ReplicaSet."),
            F("status", apps("ReplicaSetStatus"), "The most recently observed state. Read-only."),
        ]) + [
            object(appsPackage + "ReplicaSetSpec", "The desired state of a ReplicaSet.", [
                F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
                F("replicas", .int32, "The number of desired pods. Defaults to 1."),
                F("selector", .meta("LabelSelector"), "The label query over pods that count as replicas.", required: true),
                F("template", .core("PodTemplateSpec"), "The pods created when replicas are missing."),
            ]),
            object(appsPackage + "ReplicaSetStatus", "The observed state of a ReplicaSet.", [
                F("availableReplicas", .int32, "Pods ready for at least minReadySeconds."),
                conditions(.object),
                F("fullyLabeledReplicas", .int32, "Pods whose labels match the template's."),
                F("observedGeneration", .int64, "The generation the controller last acted on."),
                F("readyReplicas", .int32, "Pods with a Ready condition."),
                F("replicas", .int32, "The most recently observed number of pods.", required: true),
            ]),
        ]
        + kind("apps", "v1", "StatefulSet", "A StatefulSet runs pods with stable identities and per-pod storage, created and updated in order.", [
            F("spec", apps("StatefulSetSpec"), "The desired behavior of the StatefulSet."),
            F("status", apps("StatefulSetStatus"), "The most recently observed state. Read-only."),
        ]) + [
            object(appsPackage + "StatefulSetSpec", "The desired state of a StatefulSet.", [
                F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
                F("ordinals", .object, "The numbering of replica indexes (`start`)."),
                F("persistentVolumeClaimRetentionPolicy", .object, "What happens to the claims of volumeClaimTemplates when pods are deleted or scaled down."),
                F("podManagementPolicy", .string, "`OrderedReady` (default) or `Parallel`."),
                F("replicas", .int32, "The number of desired pods. Defaults to 1."),
                F("revisionHistoryLimit", .int32, "How many old revisions to keep. Defaults to 10."),
                F("selector", .meta("LabelSelector"), "The label query over pods that count as replicas.", required: true),
                F("serviceName", .string, "The headless service that gives the pods their network identity."),
                F("template", .core("PodTemplateSpec"), "The pods the StatefulSet creates.", required: true),
                F("updateStrategy", apps("StatefulSetUpdateStrategy"), "How pods are updated when the template changes."),
                F("volumeClaimTemplates", .array(.core("PersistentVolumeClaim")), "Claims created for each pod, mounted by name."),
            ]),
            object(appsPackage + "StatefulSetUpdateStrategy", "How a StatefulSet updates its pods.", [
                F("rollingUpdate", .object, "Settings of a rolling update (`partition`, `maxUnavailable`)."),
                F("type", .string, "`RollingUpdate` (default) or `OnDelete`."),
            ]),
            object(appsPackage + "StatefulSetStatus", "The observed state of a StatefulSet.", [
                F("availableReplicas", .int32, "Pods ready for at least minReadySeconds."),
                F("collisionCount", .int32, "Hash collisions of the template."),
                conditions(.object),
                F("currentReplicas", .int32, "Pods at the current revision."),
                F("currentRevision", .string, "The revision of the pods at the current revision."),
                F("observedGeneration", .int64, "The generation the controller last acted on."),
                F("readyReplicas", .int32, "Pods with a Ready condition."),
                F("replicas", .int32, "Pods created by the controller.", required: true),
                F("updateRevision", .string, "The revision pods are being updated to."),
                F("updatedReplicas", .int32, "Pods at the update revision."),
            ]),
        ]
        + kind("apps", "v1", "DaemonSet", "A DaemonSet runs a copy of a pod on each eligible node.", [
            F("spec", apps("DaemonSetSpec"), "The desired behavior of the DaemonSet."),
            F("status", apps("DaemonSetStatus"), "The most recently observed state. Read-only."),
        ]) + [
            object(appsPackage + "DaemonSetSpec", "The desired state of a DaemonSet.", [
                F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
                F("revisionHistoryLimit", .int32, "How many old revisions to keep. Defaults to 10."),
                F("selector", .meta("LabelSelector"), "The label query over the pods the DaemonSet manages.", required: true),
                F("template", .core("PodTemplateSpec"), "The pod run on each node.", required: true),
                F("updateStrategy", apps("DaemonSetUpdateStrategy"), "How pods are replaced when the template changes."),
            ]),
            object(appsPackage + "DaemonSetUpdateStrategy", "How a DaemonSet updates its pods.", [
                F("rollingUpdate", .object, "Settings of a rolling update (`maxUnavailable`, `maxSurge`)."),
                F("type", .string, "`RollingUpdate` (default) or `OnDelete`."),
            ]),
            object(appsPackage + "DaemonSetStatus", "The observed state of a DaemonSet.", [
                F("collisionCount", .int32, "Hash collisions of the template."),
                conditions(.object),
                F("currentNumberScheduled", .int32, "Nodes running the daemon pod that should.", required: true),
                F("desiredNumberScheduled", .int32, "Nodes that should run the daemon pod.", required: true),
                F("numberAvailable", .int32, "Nodes whose daemon pod is available."),
                F("numberMisscheduled", .int32, "Nodes running the daemon pod that should not.", required: true),
                F("numberReady", .int32, "Nodes whose daemon pod is ready.", required: true),
                F("numberUnavailable", .int32, "Nodes whose daemon pod is not available."),
                F("observedGeneration", .int64, "The generation the controller last acted on."),
                F("updatedNumberScheduled", .int32, "Nodes running the updated daemon pod."),
            ]),
        ]
        + kind("batch", "v1", "Job", "A Job runs pods until a given number of them complete successfully.", [
            F("spec", batch("JobSpec"), "The desired behavior of the Job."),
            F("status", batch("JobStatus"), "The most recently observed state. Read-only."),
        ]) + [
            object(batchPackage + "JobSpec", "The desired state of a Job.", [
                F("activeDeadlineSeconds", .int64, "Seconds the Job may be active before it is terminated."),
                F("backoffLimit", .int32, "Retries before the Job is marked failed. Defaults to 6."),
                F("backoffLimitPerIndex", .int32, "Retries per index of an Indexed Job."),
                F("completionMode", .string, "`NonIndexed` (default) or `Indexed`."),
                F("completions", .int32, "Successful pods needed for the Job to complete."),
                F("manualSelector", .boolean, "Use the given selector instead of generating one."),
                F("maxFailedIndexes", .int32, "Failed indexes allowed before the Job fails."),
                F("parallelism", .int32, "The most pods running at once. Defaults to 1."),
                F("podFailurePolicy", .object, "How pod failures count towards the backoff limit."),
                F("podReplacementPolicy", .string, "When replacement pods are created: `TerminatingOrFailed` or `Failed`."),
                F("selector", .meta("LabelSelector"), "The label query over the Job's pods; usually generated."),
                F("suspend", .boolean, "Whether the Job's pods should not run."),
                F("template", .core("PodTemplateSpec"), "The pods the Job runs.", required: true),
                F("ttlSecondsAfterFinished", .int32, "Seconds after finishing before the Job is deleted."),
            ]),
            object(batchPackage + "JobStatus", "The observed state of a Job.", [
                F("active", .int32, "Pods pending or running."),
                F("completedIndexes", .string, "The completed indexes of an Indexed Job."),
                F("completionTime", .time, "When the Job completed."),
                conditions(.object),
                F("failed", .int32, "Pods that failed."),
                F("ready", .int32, "Pods with a Ready condition."),
                F("startTime", .time, "When the Job started."),
                F("succeeded", .int32, "Pods that succeeded."),
            ]),
        ]
        + kind("batch", "v1", "CronJob", "A CronJob creates Jobs on a repeating schedule.", [
            F("spec", batch("CronJobSpec"), "The desired behavior of the CronJob."),
            F("status", batch("CronJobStatus"), "The most recently observed state. Read-only."),
        ]) + [
            object(batchPackage + "CronJobSpec", "The desired state of a CronJob.", [
                F("concurrencyPolicy", .string, "What to do when a run is due while the previous one runs: `Allow` (default), `Forbid` or `Replace`."),
                F("failedJobsHistoryLimit", .int32, "Failed Jobs to keep. Defaults to 1."),
                F("jobTemplate", batch("JobTemplateSpec"), "The Job created on each run.", required: true),
                F("schedule", .string, "The schedule, in cron format.", required: true),
                F("startingDeadlineSeconds", .int64, "Seconds after a missed run during which it may still start."),
                F("successfulJobsHistoryLimit", .int32, "Successful Jobs to keep. Defaults to 3."),
                F("suspend", .boolean, "Whether future runs are suspended."),
                F("timeZone", .string, "The time zone of the schedule; the controller's when empty."),
            ]),
            object(batchPackage + "JobTemplateSpec", "The Job a CronJob creates.", [
                F("metadata", .meta("ObjectMeta"), "Metadata of the created Jobs."),
                F("spec", batch("JobSpec"), "The spec of the created Jobs."),
            ]),
            object(batchPackage + "CronJobStatus", "The observed state of a CronJob.", [
                F("active", .array(.core("ObjectReference")), "The running Jobs."),
                F("lastScheduleTime", .time, "When a Job was last scheduled."),
                F("lastSuccessfulTime", .time, "When a Job last completed successfully."),
            ]),
        ]
}
