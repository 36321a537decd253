/// A CA file that cannot be used, as one line naming it and where it was named.
public struct CertificateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case missing, directory, unreadable(reason: String), notPEM
    }

    public var path: String
    /// `--ca-file` or `SSL_CERT_FILE`.
    public var origin: String
    public var problem: Problem

    public var description: String {
        let file = "CA file \(path) (\(origin))"
        return switch problem {
        case .missing: "\(file) does not exist"
        case .directory: "\(file) is a directory; name the PEM file of the CA certificate"
        case .unreadable(let reason): "cannot read the \(file): \(reason)"
        case .notPEM: "\(file) holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)"
        }
    }
}
