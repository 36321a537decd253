import Foundation
import NIOSSL

/// The certificate authorities trusted besides the system's roots: `--ca-file`, `SSL_CERT_FILE` and the
/// directories of `SSL_CERT_DIR`.
///
/// Private QingCloud deployments usually present a certificate issued by the company's own CA. The PEM
/// bundles are read when the configuration is resolved, so a missing, unreadable or non-PEM file is one
/// line naming it before any request is made, not a handshake failure later.
public struct TrustedCertificates: Sendable {
    /// The files and directories read, each with where it was named (`--ca-file`, `SSL_CERT_FILE`,
    /// `SSL_CERT_DIR`).
    public let sources: [(path: String, origin: String)]
    let certificates: [NIOSSLCertificate]

    /// Only the system's trust roots.
    public static let systemOnly = TrustedCertificates(sources: [], certificates: [])

    private init(sources: [(path: String, origin: String)], certificates: [NIOSSLCertificate]) {
        self.sources = sources
        self.certificates = certificates
    }

    /// Reads every certificate of the named PEM bundles, and of the PEM files in the named directories
    /// (as OpenSSL reads `SSL_CERT_DIR`: every file in it, hashed names such as `1a2b3c4d.0` included;
    /// files that hold no certificate are passed over); `~` in a path is the user's home.
    public static func load(_ files: [(path: String, origin: String)],
                            certificateDirectories: [(path: String, origin: String)] = [],
                            directories: UserDirectories) throws(CertificateFileError) -> TrustedCertificates {
        var certificates: [NIOSSLCertificate] = []
        var sources: [(path: String, origin: String)] = []
        for (path, origin) in files {
            let expanded = directories.expandingTilde(path)
            certificates += try readBundle(at: expanded, origin: origin)
            sources.append((expanded, origin))
        }
        for (path, origin) in certificateDirectories {
            let expanded = directories.expandingTilde(path)
            certificates += try readDirectory(at: expanded, origin: origin)
            sources.append((expanded, origin))
        }
        return TrustedCertificates(sources: sources, certificates: certificates)
    }

    /// The client TLS configuration: system roots plus these certificates, hostnames verified.
    var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !certificates.isEmpty {
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        return configuration
    }

    private static func readBundle(at path: String, origin: String) throws(CertificateFileError) -> [NIOSSLCertificate] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CertificateFileError(path: path, origin: origin, problem: .missing)
        }
        guard !isDirectory.boolValue else { throw CertificateFileError(path: path, origin: origin, problem: .directory) }
        let data: Data
        do {
            data = try readFile(at: path)
        } catch {
            throw CertificateFileError(path: path, origin: origin, problem: .unreadable(reason: error.reason))
        }
        guard data.range(of: Data("-----BEGIN CERTIFICATE-----".utf8)) != nil,
              let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(data)), !certificates.isEmpty else {
            throw CertificateFileError(path: path, origin: origin, problem: .notPEM)
        }
        return certificates
    }

    private static func readDirectory(at path: String, origin: String) throws(CertificateFileError) -> [NIOSSLCertificate] {
        func failure(_ problem: CertificateFileError.Problem) -> CertificateFileError {
            CertificateFileError(path: path, origin: origin, problem: problem, isDirectory: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw failure(.missing) }
        guard isDirectory.boolValue else { throw failure(.notADirectory) }
        guard let stream = opendir(path) else { throw failure(.unreadable(reason: String(cString: strerror(errno)).lowercased())) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        let certificates = names.sorted().flatMap { name in
            (try? readBundle(at: path + "/" + name, origin: origin)) ?? []
        }
        guard !certificates.isEmpty else { throw failure(.noPEMInDirectory) }
        return certificates
    }
}

/// Why a file could not be read: the system's word for it, lowercased ("permission denied").
private struct ReadFailure: Error {
    let reason: String
}

/// The bytes of a file, at most `limit` of them, with errno's reason when reading fails.
private func readFile(at path: String, limit: Int = 16 << 20) throws(ReadFailure) -> Data {
    func failure(_ code: Int32) -> ReadFailure { ReadFailure(reason: String(cString: strerror(code)).lowercased()) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(errno) }
    defer { close(descriptor) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = read(descriptor, &buffer, buffer.count)
        if count < 0, errno == EINTR { continue }
        guard count >= 0 else { throw failure(errno) }
        if count == 0 { return data }
        data.append(contentsOf: buffer[..<count])
        guard data.count <= limit else { throw ReadFailure(reason: "larger than \(limit >> 20) MiB; is it a CA bundle?") }
    }
}
