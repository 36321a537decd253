/// A CA file or directory that cannot be used, as one line naming it and where it was named.
public struct CertificateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        case missing, directory, unreadable(reason: String), notPEM
        /// `SSL_CERT_DIR` names something that is not a directory.
        case notADirectory
        /// `SSL_CERT_DIR` names a directory none of whose files holds a PEM certificate.
        case noPEMInDirectory
    }

    public var path: String
    /// `--ca-file`, `SSL_CERT_FILE` or `SSL_CERT_DIR`.
    public var origin: String
    public var problem: Problem
    /// Whether `path` was named as a directory of CA files (`SSL_CERT_DIR`) rather than one file.
    public var isDirectory = false

    public var description: String {
        let named = "\(isDirectory ? "CA directory" : "CA file") \(path) (\(origin))"
        return switch problem {
        case .missing: "\(named) does not exist"
        case .directory: "\(named) is a directory; name the PEM file of the CA certificate"
        case .unreadable(let reason): "cannot read the \(named): \(reason)"
        case .notPEM: "\(named) holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)"
        case .notADirectory: "\(named) is not a directory; name the directory that holds the CA files"
        case .noPEMInDirectory: "\(named) holds no file with a PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)"
        }
    }
}
