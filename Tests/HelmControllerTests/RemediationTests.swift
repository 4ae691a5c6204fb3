import FluxAPI
import HelmActions
import KubeModel
import StructuredData
import Testing

@Suite("helm-controller: failures and remediation", .serialized)
struct RemediationTests {
    @Test("a failing install is retried once after an uninstall remediation, then the object stalls")
    func installRetriesThenStall() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { spec in
                spec.values = ["failInstall": true]
                var install = FluxAPI.Install()
                var remediation = InstallRemediation()
                remediation.retries = 1
                install.remediation = remediation
                spec.install = install
            })
            let stalled = try await h.waitFor("demo", within: .seconds(90)) { $0.isStalled }
            #expect(stalled.summary("Stalled") == "True RetriesExceeded")
            #expect(stalled.condition("Stalled")?.message == "Failed to install after 2 attempt(s)")
            #expect(stalled.summary("Ready") == "False InstallFailed")
            #expect(stalled.condition("Ready")?.message.hasPrefix("Helm install failed for release default/demo with chart demo@0.1.0: ") == true)
            #expect(stalled.status.installFailures == 2)
            #expect(stalled.status.lastAttemptedReleaseAction == .install)
            #expect(stalled.condition("Reconciling") == nil)
            #expect(stalled.observedGeneration == stalled.generation, "terminal: observedGeneration caught up")
            let reasons = try await h.events(for: "demo").map(\.reason)
            #expect(reasons.filter { $0 == "InstallFailed" }.count == 2)
            #expect(reasons.contains("UninstallSucceeded"))
            let failure = try await h.events(for: "demo").first { $0.reason == "InstallFailed" }
            #expect(failure?.type == "Warning")
            #expect(failure?.message.contains("\n\nLast Helm logs:\n\n") == true)
        }
    }

    @Test("a failing upgrade is rolled back to the exact previous release, then stalls when retries run out")
    func upgradeRollback() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { spec in
                var upgrade = FluxAPI.Upgrade()
                var remediation = UpgradeRemediation()
                remediation.retries = 1
                upgrade.remediation = remediation
                spec.upgrade = upgrade
            })
            try await h.waitFor("demo") { $0.isReady }
            let installed = try await h.storage().last("demo")
            try await h.patchSpec("demo", ["values": ["failUpgrade": true, "message": "bad"]])
            let stalled = try await h.waitFor("demo", within: .seconds(120)) { $0.isStalled }
            #expect(stalled.condition("Stalled")?.message == "Failed to upgrade after 2 attempt(s)")
            #expect(stalled.summary("Remediated") == "True RollbackSucceeded")
            #expect(stalled.summary("Ready") == "False RollbackSucceeded")
            #expect(stalled.status.upgradeFailures == 2)
            let history = try await h.storage().history("demo")
            #expect(history.map(\.status) == [.superseded, .failed, .superseded, .failed, .deployed])
            let last = history.last
            #expect(last?.info?.description == "Rollback to 3")
            #expect(last?.config == installed.config && last?.manifest == installed.manifest, "the exact previous release")
            let cm = try await h.client.get(ConfigMap.self, namespace: "default", name: "demo-config")
            #expect(cm.data?["message"] == "hello")
            let events = try await h.events(for: "demo")
            #expect(events.contains { $0.reason == "RollbackSucceeded"
                && $0.message == "Helm rollback to previous release default/demo.v1 with chart demo@0.1.0 succeeded" })
        }
    }

    @Test("uninstall remediation strategy on upgrade failure removes the release")
    func upgradeUninstallRemediation() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { spec in
                var upgrade = FluxAPI.Upgrade()
                var remediation = UpgradeRemediation()
                remediation.retries = 0
                remediation.strategy = .uninstall
                remediation.remediateLastFailure = true
                upgrade.remediation = remediation
                spec.upgrade = upgrade
            })
            try await h.waitFor("demo") { $0.isReady }
            try await h.patchSpec("demo", ["values": ["failUpgrade": true]])
            let stalled = try await h.waitFor("demo", within: .seconds(90)) { $0.isStalled }
            #expect(stalled.summary("Remediated") == "True UninstallSucceeded")
            #expect(stalled.condition("Remediated")?.message == "Helm uninstall remediation for release default/demo.v2 with chart demo@0.1.0 succeeded")
            await #expect(throws: HelmActionsError.releaseNotFound) { try await h.storage().last("demo") }
        }
    }

    @Test("a failing test with and without ignoreFailures")
    func failingTests() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { spec in
                spec.values = ["failTest": true]
                var test = FluxAPI.Test()
                test.enable = true
                test.ignoreFailures = true
                spec.test = test
            })
            let ignored = try await h.waitFor("demo") { $0.summary("TestSuccess") == "False TestFailed" && $0.condition("Reconciling") == nil }
            #expect(ignored.summary("Ready") == "True InstallSucceeded", "ignored test failures do not make Ready false")
            #expect(ignored.condition("TestSuccess")?.message.hasPrefix("Helm test failed for release default/demo.v1 with chart demo@0.1.0: ") == true)
            #expect(ignored.status.history?.first?.testHooks?["demo-test"]?.phase == "Failed")
        }
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo") { spec in
                spec.values = ["failTest": true]
                var test = FluxAPI.Test()
                test.enable = true
                spec.test = test
            })
            let failed = try await h.waitFor("demo", within: .seconds(90)) { $0.isStalled }
            #expect(failed.summary("Stalled") == "True RetriesExceeded")
            #expect(failed.status.installFailures == 1)
        }
    }

    @Test("tests enabled later run without an upgrade")
    func testsEnabledLater() async throws {
        try await Harness.with { h in
            try await h.publish("demo")
            _ = try await h.client.create(Harness.release("demo"))
            try await h.waitFor("demo") { $0.isReady }
            try await h.patchSpec("demo", ["test": ["enable": true]])
            let tested = try await h.waitFor("demo") { $0.summary("Ready") == "True TestSucceeded" }
            #expect(tested.status.history?.count == 1 && tested.status.history?.first?.version == 1, "no upgrade")
            #expect(try await h.storage().history("demo").count == 1)
        }
    }
}
