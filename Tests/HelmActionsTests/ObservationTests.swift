import Testing
import StructuredData
@testable import HelmActions

@Suite("Release observations and digests")
struct ObservationTests {
    @Test("an observation of a bare release has helm-controller's digest")
    func bareDigest() {
        let observation = ReleaseObservation(Release(name: "foo", namespace: "", version: 0, info: nil))
        #expect(observation.json.serialized() == #"{"name":"foo","version":0,"info":{"first_deployed":"","last_deployed":"","deleted":""},"chartMetadata":{},"config":null,"manifest":"","hooks":null,"namespace":""}"#)
        #expect(observation.digest == "sha256:91b6773f7696d3eb405708a07e2daedc6e69664dabac8e10af7d570d09f947d5")
    }

    @Test("test hooks are left out of the observation, other hooks kept")
    func testHooksFiltered() {
        var release = Release(name: "r", namespace: "ns", version: 2)
        release.hooks = [Hook(name: "pre", kind: "Job", path: "p", manifest: "m", events: [.preInstall]),
                         Hook(name: "t", kind: "Pod", path: "p", manifest: "m", events: [.test])]
        let observation = ReleaseObservation(release)
        #expect(observation.hooks?.map(\.name) == ["pre"])
        var tested = release
        tested.hooks[1].lastRun.phase = .succeeded
        #expect(ReleaseObservation(tested).digest == observation.digest, "running tests does not change the digest")
        #expect(ReleaseObservation(release, ignoringTestHooks: false).hooks?.count == 2)
    }

    @Test("values digests match chartutil.DigestValues whatever the key order", arguments: [
        ("{}", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (#"{"replicas":3,"image":{"tag":"latest","repository":"nginx"},"ports":[{"protocol":"TCP","port":8080},{"port":9090,"protocol":"UDP"}]}"#,
         "sha256:fcdc2b0de1581a3633ada4afee3f918f6eaa5b5ab38c3fef03d5b48d3f85d9f6"),
        (#"{"image":{"repository":"nginx","tag":"latest"},"ports":[{"port":8080,"protocol":"TCP"},{"port":9090,"protocol":"UDP"}],"replicas":3}"#,
         "sha256:fcdc2b0de1581a3633ada4afee3f918f6eaa5b5ab38c3fef03d5b48d3f85d9f6"),
        (#"{"replicas":3,"test":{"632bd80235a05f4192aefade":"value1","632bd80ddf416cf32fd50679":"value2","632bd817c559818a52307da2":"value3","632bd82398e71231a98004b6":"value4"}}"#,
         "sha256:8a980fcbeadd6f05818f07e8aec14070c22250ca3d96af1fcd5f93b3e85b4d70"),
        (#"{"test":{"632bd82398e71231a98004b6":"value4","632bd817c559818a52307da2":"value3","632bd80ddf416cf32fd50679":"value2","632bd80235a05f4192aefade":"value1"},"replicas":3}"#,
         "sha256:8a980fcbeadd6f05818f07e8aec14070c22250ca3d96af1fcd5f93b3e85b4d70"),
    ])
    func valuesDigest(values: String, digest: String) throws {
        let v = try JSONParser.parse(values)
        #expect(HelmDigest.values(v) == digest)
        #expect(HelmDigest.verifyValues(digest, v))
    }

    @Test("nil values hash the empty input and verification rejects malformed digests")
    func emptyAndMalformed() {
        #expect(HelmDigest.values(nil) == HelmDigest.emptySHA256)
        #expect(!HelmDigest.verifyValues("sha256:abc", nil))
        #expect(!HelmDigest.verifyValues("md5:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", nil))
    }
}
