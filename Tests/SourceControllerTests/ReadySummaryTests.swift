import FluxAPI
import KubeModel
import Testing
@testable import SourceController

@Suite("Ready summary, results and predicates as source-controller computes them")
struct ReadySummaryTests {
    static func c(_ type: String, _ status: ConditionStatus, _ reason: String = "R", _ message: String = "") -> Condition {
        Condition(type: type, status: status, reason: reason, message: message.isEmpty ? "\(type) message" : message)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var conditions: [Condition]
        var expected: (ConditionStatus, String)?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a stored artifact alone makes Ready True with its reason and message",
             conditions: [c("ArtifactInStorage", .true, "ChartPullSucceeded")], expected: (.true, "ArtifactInStorage message")),
        Case(name: "a fetch failure outranks a stored artifact and makes Ready False",
             conditions: [c("ArtifactInStorage", .true), c("FetchFailed", .true)], expected: (.false, "FetchFailed message")),
        Case(name: "among abnormal conditions the summarize order picks FetchFailed before Stalled and Reconciling",
             conditions: [c("Stalled", .true), c("Reconciling", .true), c("FetchFailed", .true)], expected: (.false, "FetchFailed message")),
        Case(name: "Reconciling alone is abnormal: Ready False with its message",
             conditions: [c("Reconciling", .true)], expected: (.false, "Reconciling message")),
        Case(name: "with two normal conditions the first in summarize order wins",
             conditions: [c("SourceVerified", .true), c("ArtifactInStorage", .true)], expected: (.true, "ArtifactInStorage message")),
        Case(name: "a False positive-polarity condition outranks a True one",
             conditions: [c("ArtifactInStorage", .true), c("SourceVerified", .false)], expected: (.false, "SourceVerified message")),
        Case(name: "an outdated artifact makes Ready False even though it is stored",
             conditions: [c("ArtifactInStorage", .true), c("ArtifactOutdated", .true)], expected: (.false, "ArtifactOutdated message")),
        Case(name: "a False negative-polarity condition alone reads as Ready True",
             conditions: [c("FetchFailed", .false)], expected: (.true, "FetchFailed message")),
        Case(name: "Unknown conditions give Ready Unknown",
             conditions: [c("ArtifactInStorage", .unknown)], expected: (.unknown, "ArtifactInStorage message")),
        Case(name: "conditions outside the summary (and Ready itself) give no summary",
             conditions: [c("Ready", .true), c("Other", .false)], expected: nil),
    ]

    @Test("merge", arguments: cases)
    func merge(_ test: Case) {
        let merged = HelmChartReconciler.readySummary.merge(test.conditions)
        #expect(merged.map { [$0.status.rawValue, $0.message] } == test.expected.map { [$0.0.rawValue, $0.1] })
        #expect(merged.map(\.type) == test.expected.map { _ in "Ready" })
    }

    @Test("the runtime result: success requeues at the interval, requeue is rate-limited, waiting and ignored errors requeue without backoff")
    func runtimeResults() {
        let interval = Duration.seconds(600)
        #expect(RuntimeResult.build(.success, nil, interval: interval).reconcileResult == .requeueAfter(interval))
        #expect(RuntimeResult.build(.requeue, nil, interval: interval).reconcileResult == .requeue)
        #expect(RuntimeResult.build(.empty, nil, interval: interval).reconcileResult == .done)
        #expect(RuntimeResult.build(.empty, .generic("x", reason: "Failed"), interval: interval).reconcileResult == .done)
        #expect(RuntimeResult.build(.empty, .waiting("x", reason: "DependencyNotReady", requeueAfter: .seconds(30)), interval: interval)
                .reconcileResult == .requeueAfter(.seconds(30)))
        #expect(RuntimeResult.build(.empty, .waiting("x", reason: "DependencyNotReady"), interval: interval).reconcileResult == .requeueAfter(interval))
        var ignored = SourceError.generic("x", reason: "Failed")
        ignored.ignore = true
        #expect(RuntimeResult.build(.empty, ignored, interval: interval).reconcileResult == .requeueAfter(interval))
        #expect(RuntimeResult.build(.success, nil, interval: .zero).reconcileResult == .done)
    }

    @Test("the lowest requeuing result: requeue beats success beats empty")
    func lowestRequeuing() {
        #expect(SubResult.lowestRequeuing(.empty, .success) == .success)
        #expect(SubResult.lowestRequeuing(.success, .empty) == .success)
        #expect(SubResult.lowestRequeuing(.success, .requeue) == .requeue)
        #expect(SubResult.lowestRequeuing(.requeue, .success) == .requeue)
        #expect(SubResult.lowestRequeuing(.empty, .empty) == .empty)
    }

    @Test("a failure recovery needs a failure condition before and none after")
    func failureRecovery() {
        var old = Objects.helmChart("c", source: "r")
        var new = old
        #expect(!FailureRecovery.happened(old, new, HelmChartReconciler.failConditions))
        old.markTrue("FetchFailed", reason: "Failed", message: "x")
        #expect(FailureRecovery.happened(old, new, HelmChartReconciler.failConditions))
        new.markTrue("BuildFailed", reason: "ChartPackageError", message: "y")
        #expect(!FailureRecovery.happened(old, new, HelmChartReconciler.failConditions))
    }

    @Test("only OCI HelmRepositories with a finalizer or a status need the migration; others always pass")
    func migrationPredicate() {
        var oci = Objects.helmRepository("r", url: "oci://registry/charts", type: .oci)
        #expect(!HelmRepositoryReconciler.requiresMigration(oci))
        oci.status.observedGeneration = -1
        #expect(HelmRepositoryReconciler.requiresMigration(oci))
        oci.status = HelmRepositoryStatus()
        _ = oci.metadata.addFinalizer("finalizers.fluxcd.io")
        #expect(HelmRepositoryReconciler.requiresMigration(oci))
        #expect(HelmRepositoryReconciler.requiresMigration(Objects.helmRepository("h", url: "https://charts")))
    }

    @Test("a source revision change is a new artifact or a new revision on update, never a create or delete")
    func revisionPredicate() throws {
        func repo(_ revision: String?) throws -> KubeObject {
            var r = Objects.helmRepository("r", url: "https://charts")
            r.status.artifact = revision.map { Artifact(path: "p", url: "u", revision: $0, lastUpdateTime: "") }
            return try r.object()
        }
        let test = SourceController.sourceRevisionChanged.test
        #expect(test(.updated(old: try repo(nil), new: try repo("sha256:a"))))
        #expect(test(.updated(old: try repo("sha256:a"), new: try repo("sha256:b"))))
        #expect(!test(.updated(old: try repo("sha256:a"), new: try repo("sha256:a"))))
        #expect(!test(.updated(old: try repo("sha256:a"), new: try repo(nil))))
        #expect(!test(.added(try repo("sha256:a"))))
        #expect(!test(.deleted(try repo("sha256:a"))))
    }
}
