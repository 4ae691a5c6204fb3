import Foundation
import NIOPosix

extension IndexFile {
    /// Loads a stored index (`IndexFromFile`): it must be a regular file of at most `maxSize`
    /// bytes.
    /// - Throws: `.index` "<path> is not a regular file", "<path> exceeds the maximum index file
    ///   size of <n> bytes", "open <path>: no such file or directory", or a parse error.
    public static func load(fromFile path: String, maxSize: Int) async throws(HelmRepoError) -> IndexFile {
        let outcome: Result<[UInt8], HelmRepoError>
        do {
            outcome = try await NIOThreadPool.singleton.runIfActive { () -> Result<[UInt8], HelmRepoError> in
                var st = stat()
                guard lstat(path, &st) == 0 else {
                    return .failure(HelmRepoError(.index, "lstat \(path): no such file or directory"))
                }
                guard st.st_mode & S_IFMT == S_IFREG else { return .failure(HelmRepoError(.index, "\(path) is not a regular file")) }
                guard Int(st.st_size) <= maxSize else {
                    return .failure(HelmRepoError(.sizeLimit, "\(path) exceeds the maximum index file size of \(maxSize) bytes"))
                }
                guard let data = FileManager.default.contents(atPath: path) else {
                    return .failure(HelmRepoError(.index, "open \(path): permission denied"))
                }
                return .success(Array(data))
            }
        } catch {
            throw HelmRepoError(.index, "thread pool unavailable: \(error)")
        }
        return try IndexFile(bytes: try outcome.get())
    }
}
