import KubeModel

extension StatusResult {
    /// kustomize-controller's custom Job status (`internal/statusreaders/job.go`): a Job is healthy
    /// only once it completed. `Complete=True` → Current, `Failed=True` → Failed, anything else
    /// (including a running Job) → InProgress. Unlike `compute`, no generic checks run first.
    /// - Throws: `KStatusError` when `status.conditions` has the wrong shape.
    public static func completedJob(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        let o = object.raw
        let parallelism = StatusFields.int(o, ".spec.parallelism", 1)
        let completions = StatusFields.int(o, ".spec.completions", parallelism)
        let succeeded = StatusFields.int(o, ".status.succeeded", 0)
        let failed = StatusFields.int(o, ".status.failed", 0)
        for c in try StatusFields.conditions(o) {
            if c.is("Complete", .true) { return .current("Job Completed. succeeded: \(succeeded)/\(completions)") }
            if c.is("Failed", .true) { return .failed("JobFailed", "Job Failed. failed: \(failed)/\(completions)") }
        }
        return .inProgress("JobInProgress", "Job in progress")
    }

    /// The status function kustomize-controller's poller uses: `completedJob` for `batch` Jobs,
    /// `compute` for everything else.
    public static func kustomizeController(_ object: KubeObject) throws(KStatusError) -> StatusResult {
        let gk = object.gvk.groupKind
        if gk.group == "batch" && gk.kind == "Job" { return try completedJob(object) }
        return try compute(object)
    }
}
