import Foundation
import HelmEngine
#if canImport(Glibc)
import Glibc
#endif

/// Inputs and process helpers of `swiftflux bench kustomize`.
enum BenchKustomizeInputs {
    /// A base of 20 resources (5 apps × Deployment, Service, ConfigMap, ServiceAccount) plus a
    /// ConfigMap generator, overlays `staging` and `prod` (prefix, namespace, labels, patches,
    /// images, generators) and `all`, which builds both overlays.
    static func writeOverlay(at dir: String) throws {
        var base = "resources:\n"
        for i in 1...5 {
            let app = "app\(i)"
            base += "- \(app).yaml\n"
            try write(dir + "/base/\(app).yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(app)
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: \(app)
                  template:
                    metadata:
                      labels:
                        app: \(app)
                    spec:
                      serviceAccountName: \(app)
                      containers:
                      - name: main
                        image: registry.example.com/\(app):1.0.0
                        ports:
                        - containerPort: 8080
                          name: http
                        envFrom:
                        - configMapRef:
                            name: \(app)-config
                        resources:
                          requests:
                            cpu: 100m
                            memory: 64Mi
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(app)
                spec:
                  selector:
                    app: \(app)
                  ports:
                  - port: 80
                    targetPort: http
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: \(app)
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(app)-config
                data:
                  LOG_LEVEL: info

                """)
        }
        base += "configMapGenerator:\n- name: shared\n  literals:\n  - region=eu-west-1\n  - tier=backend\n"
        try write(dir + "/base/kustomization.yaml", base)
        try write(dir + "/all/kustomization.yaml", "resources:\n- ../staging\n- ../prod\n")
        for (env, replicas) in [("staging", 2), ("prod", 5)] {
            try write(dir + "/\(env)/kustomization.yaml", """
                resources:
                - ../base
                namespace: \(env)
                namePrefix: \(env)-
                labels:
                - pairs:
                    env: \(env)
                  includeSelectors: true
                commonAnnotations:
                  team: platform
                images:
                - name: registry.example.com/app1
                  newTag: 2.0.0
                configMapGenerator:
                - name: shared
                  behavior: merge
                  literals:
                  - environment=\(env)
                secretGenerator:
                - name: credentials
                  literals:
                  - password=\(env)-secret
                patches:
                - target:
                    kind: Deployment
                  patch: |-
                    - op: replace
                      path: /spec/replicas
                      value: \(replicas)
                - patch: |-
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: app2
                    spec:
                      template:
                        spec:
                          containers:
                          - name: main
                            env:
                            - name: FEATURE
                              value: "on"

                """)
        }
    }

    /// podinfo rendered by the Helm engine into `helm-output.yaml`, with a kustomization that
    /// patches and retags it (what a HelmRelease post-renderer does).
    static func writePodinfo(at dir: String, chart: String) throws {
        let loaded = try ChartLoader().load(path: chart)
        var capabilities = Capabilities()
        capabilities.kubeVersion = try Capabilities.KubeVersion.parse("1.28.3")
        let rendered = try InstallRender(release: ReleaseOptions(name: "podinfo"), capabilities: capabilities).run(chart: loaded, values: [:])
        try write(dir + "/helm-output.yaml", rendered.manifest)
        try write(dir + "/kustomization.yaml", """
            resources:
            - helm-output.yaml
            images:
            - name: ghcr.io/stefanprodan/podinfo
              newTag: 6.6.0
            patches:
            - target:
                kind: Deployment
              patch: |-
                - op: add
                  path: /spec/template/metadata/annotations/bench
                  value: "true"

            """)
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The absolute path of `name` on PATH (then in the Google Cloud SDK's `bin`, where this
    /// machine keeps the versioned kubectl binaries), or nil.
    static func which(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/lib/google-cloud-sdk/bin"]
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The standard output of one run of `argv` (stderr discarded); throws if it fails.
    static func output(_ argv: [String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchKustomizeError(message: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard rc == 0 else { throw BenchKustomizeError(message: "cannot run \(argv[0]): \(rc)") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 { bytes += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw BenchKustomizeError(message: "\(argv.joined(separator: " ")) failed (status \(status))") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whole-process throughput of several commands measured together: `runs` rounds, each
    /// running every command once (stdout/stderr to /dev/null, posix_spawn and waitpid), so that
    /// load changes on a shared machine hit all of them alike. Returns, per command, runs per
    /// second of its own wall-clock time, its median run in milliseconds and its median CPU time
    /// (user + system, from `wait4`) in milliseconds. Throws if a run fails.
    static func wholeProcess(_ commands: [[String]], runs: Int) throws -> [(perSecond: Double, medianMs: Double, medianCPUMs: Double)] {
        var times = Array(repeating: [Double](), count: commands.count)
        var cpu = Array(repeating: [Double](), count: commands.count)
        let clock = ContinuousClock()
        for _ in 0..<max(runs, 1) {
            for (i, argv) in commands.enumerated() {
                let start = clock.now
                cpu[i].append(try spawnAndWait(argv))
                let d = start.duration(to: clock.now)
                times[i].append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            }
        }
        return times.indices.map { i in
            let wall = times[i].sorted()
            let used = cpu[i].sorted()
            return (Double(wall.count) / wall.reduce(0, +), wall[wall.count / 2] * 1000, used[used.count / 2] * 1000)
        }
    }

    /// Runs one command to completion; returns its CPU seconds (user + system).
    private static func spawnAndWait(_ argv: [String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cargs, environ)
        guard rc == 0 else { throw BenchKustomizeError(message: "cannot run \(argv[0]): \(rc)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        guard status == 0 else { throw BenchKustomizeError(message: "\(argv.joined(separator: " ")) failed (status \(status))") }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

struct BenchKustomizeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
