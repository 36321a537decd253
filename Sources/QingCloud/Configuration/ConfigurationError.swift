/// A configuration problem, as one line that names the file and the key.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case malformed(file: String, reason: String)
    case missing(key: String, file: String, hint: String)
    case badValue(key: String, file: String?, reason: String)
    case certificateFile(CertificateFileError)
    case proxy(ProxyError)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "cannot read config file \(file): \(reason)"
        case .malformed(let file, let reason):
            "config file \(file) is not valid YAML: \(reason)"
        case .missing(let key, let file, let hint):
            "no \(key) found (config file \(file)): \(hint)"
        case .badValue(let key, let file, let reason):
            (file.map { "config file \($0): " } ?? "") + "bad \(key): \(reason)"
        case .certificateFile(let error):
            error.description
        case .proxy(let error):
            error.description
        }
    }
}
