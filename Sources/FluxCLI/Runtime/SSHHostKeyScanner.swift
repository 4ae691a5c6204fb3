/// Reads an SSH server's host key (stub).
public struct SSHHostKeyScanner: HostKeyScanner {
    public init() {}

    public func scan(host: String, port: Int) async throws(FluxCLIError) -> (type: String, key: String) {
        throw FluxCLIError("SSH key scan for host \(host):\(port) failed, error: not supported")
    }
}
