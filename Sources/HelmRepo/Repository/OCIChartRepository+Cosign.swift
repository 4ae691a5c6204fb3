import Cosign
import OCIRegistry

extension CosignVerifier {
    /// This verifier as a chart signature check for `OCIChartRepository`: true when a signature
    /// of the chart verifies; cosign's error (e.g. "no matching signatures: …") otherwise.
    public func chartVerifier(client: RegistryClient) -> ChartSignatureVerifier {
        { (reference) throws(HelmRepoError) in
            do throws(CosignError) {
                return try await !self.verify(reference, client: client).isEmpty
            } catch {
                throw HelmRepoError(.build, error.message)
            }
        }
    }
}
