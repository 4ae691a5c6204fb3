import NIOPosix

/// Runs blocking file-system work off the cooperative thread pool, on NIO's shared thread pool.
enum BlockingIO {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(ArtifactStorageError) -> T) async throws(ArtifactStorageError) -> T {
        let result: Result<T, ArtifactStorageError>
        do {
            result = try await NIOThreadPool.singleton.runIfActive {
                do throws(ArtifactStorageError) { return .success(try body()) } catch { return .failure(error) }
            }
        } catch is CancellationError {
            throw ArtifactStorageError(.io, "context canceled")
        } catch {
            throw ArtifactStorageError(.io, "thread pool unavailable: \(error)")
        }
        return try result.get()
    }
}
