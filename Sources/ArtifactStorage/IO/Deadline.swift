import Synchronization

/// Runs an operation with a deadline, as a Go `context.WithTimeout` around it would.
enum Deadline {
    /// The result of `body`, or `.timeout` "context deadline exceeded" when `timeout` passes
    /// first. The operation itself is then abandoned (it finishes in the background), exactly as
    /// source-controller abandons its garbage-collection goroutine.
    static func run<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws(ArtifactStorageError) -> T)
        async throws(ArtifactStorageError) -> T
    {
        let outcome: Result<T, ArtifactStorageError> = await withCheckedContinuation { continuation in
            let state = Mutex<(resumed: Bool, timer: Task<Void, Never>?)>((false, nil))
            let resume: @Sendable (Result<T, ArtifactStorageError>) -> Void = { result in
                let timer: Task<Void, Never>?? = state.withLock { s in
                    if s.resumed { return nil }
                    s.resumed = true
                    return s.timer
                }
                guard let timer else { return }
                timer?.cancel()
                continuation.resume(returning: result)
            }
            let timer = Task {
                do { try await Task.sleep(for: timeout) } catch { return }
                resume(.failure(ArtifactStorageError(.timeout, "context deadline exceeded")))
            }
            state.withLock { $0.timer = timer }
            Task {
                do throws(ArtifactStorageError) { resume(.success(try await body())) } catch { resume(.failure(error)) }
            }
        }
        return try outcome.get()
    }
}
