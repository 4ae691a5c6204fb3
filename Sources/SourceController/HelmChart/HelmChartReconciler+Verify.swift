import Cosign
import FluxAPI
import HelmRepo
import KubeModel
import OCIRegistry

extension HelmChartReconciler {
    /// `makeVerifiers`: one cosign verifier per `*.pub` key of `spec.verify.secretRef` (sorted by
    /// key name), or one keyless verifier matching `matchOIDCIdentity` against the configured
    /// trust root. Signatures are fetched with the repository's registry client (its credentials).
    /// - Throws: the cause, which the caller wraps as "failed to verify the signature using
    ///   provider '<provider>': <cause>": the Secret read error, a key that does not load,
    ///   "no public keys found in secret '<ns>/<name>'", or a missing trust root.
    func makeVerifiers(_ object: HelmChart, _ verify: OCIRepositoryVerification, registry: RegistryClient) async throws(SourceError) -> [ChartSignatureVerifier] {
        switch verify.provider {
        case .cosign:
            if let ref = verify.secretRef {
                let secret: SecretData
                do { secret = try await context.secret(ref.name, namespace: object.namespace, what: "secret") } catch {
                    throw SourceError.plain(Self.secretReadCause(error.message))
                }
                var verifiers: [ChartSignatureVerifier] = []
                for key in secret.data.keys.sorted() where key.hasSuffix(".pub") {
                    do {
                        let verifier = try CosignVerifier(publicKeyPEM: String(decoding: secret.data[key] ?? [], as: UTF8.self))
                        verifiers.append(verifier.chartVerifier(client: registry))
                    } catch {
                        throw SourceError.plain(error.message)
                    }
                }
                guard !verifiers.isEmpty else {
                    throw SourceError.plain(SourceVerifiedMessages.noPublicKeys(secret: "\(object.namespace)/\(ref.name)"))
                }
                return verifiers
            }
            guard let root = context.trustRoot else {
                throw SourceError.plain("unable to get Fulcio root certs: no keyless trust root configured")
            }
            let identities = (verify.matchOIDCIdentity ?? []).map { OIDCIdentityMatcher(issuer: $0.issuer, subject: $0.subject) }
            return [CosignVerifier(trustRoot: root, identities: identities).chartVerifier(client: registry)]
        }
    }

    /// The API error of a Secret read, without the "failed to get secret '…': " prefix the
    /// shared reader adds (upstream returns the client error as it is).
    static func secretReadCause(_ message: String) -> String {
        guard let range = message.range(of: "': ") else { return message }
        return String(message[range.upperBound...])
    }
}
