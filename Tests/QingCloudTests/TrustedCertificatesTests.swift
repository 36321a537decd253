import Foundation
import Testing
@testable import QingCloud

@Suite("CA files: --ca-file, SSL_CERT_FILE and SSL_CERT_DIR")
struct TrustedCertificatesTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "qcimages-ca-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        func write(_ text: String, _ name: String) throws -> String {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
            return path + "/" + name
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    let home = UserDirectories(home: "/nonexistent")

    @Test func missingFileIsNamedWithWhereItWasNamed() {
        #expect(throws: CertificateFileError(path: "/nonexistent/ca.pem", origin: "SSL_CERT_FILE", problem: .missing)) {
            try TrustedCertificates.load([("~/ca.pem", "SSL_CERT_FILE")], directories: home)
        }
        #expect(CertificateFileError(path: "/x/ca.pem", origin: "--ca-file", problem: .missing).description
            == "CA file /x/ca.pem (--ca-file) does not exist")
    }

    @Test func fileWithoutAPEMCertificateIsRefused() throws {
        let folder = try Folder()
        let text = try folder.write("just some text\n", "notes.txt")
        #expect(throws: CertificateFileError(path: text, origin: "--ca-file", problem: .notPEM)) {
            try TrustedCertificates.load([(text, "--ca-file")], directories: home)
        }
        #expect(CertificateFileError(path: text, origin: "--ca-file", problem: .notPEM).description
            == "CA file \(text) (--ca-file) holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)")
        let folderError = CertificateFileError(path: folder.path, origin: "--ca-file", problem: .directory)
        #expect(throws: folderError) { try TrustedCertificates.load([(folder.path, "--ca-file")], directories: home) }
    }

    @Test func unreadableFileSaysWhy() throws {
        let folder = try Folder()
        // Root reads any file, whatever its mode; /proc/self/mem opens but cannot be read from offset 0.
        let path: String
        if getuid() == 0 {
            path = "/proc/self/mem"
        } else {
            path = try folder.write("-----BEGIN CERTIFICATE-----\n", "ca.pem")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        }
        do {
            _ = try TrustedCertificates.load([(path, "--ca-file")], directories: home)
            Issue.record("an unreadable file was accepted")
        } catch {
            guard case .unreadable = error.problem else {
                Issue.record("expected unreadable, got \(error)")
                return
            }
            #expect(error.description.hasPrefix("cannot read the CA file \(path) (--ca-file): "))
        }
    }

    @Test func configurationCarriesCAFileAndSSLCertFileOrTheirError() throws {
        let home = try ConfigurationTests.Home(config: ConfigurationTests.cliConfig)
        let sources = ConfigurationSources(caFile: "~/missing.pem", environment: ["HOME": home.path])
        #expect(throws: ConfigurationError.certificateFile(
            CertificateFileError(path: home.path + "/missing.pem", origin: "--ca-file", problem: .missing))) {
            try sources.resolve()
        }
        let withoutFiles = try ConfigurationSources(environment: ["HOME": home.path]).resolve().configuration
        #expect(withoutFiles.trust.sources.isEmpty)
        let proxied = ConfigurationSources(environment: ["HOME": home.path, "https_proxy": "ftp://p"])
        #expect(throws: ConfigurationError.proxy(ProxyError(origin: "https_proxy", reason: "ftp:// proxies are not supported; use http:// or socks5://"))) {
            try proxied.resolve()
        }
    }

    @Test func certificateDirectoryThatCannotServeIsNamed() throws {
        let folder = try Folder()
        let file = try folder.write("just some text\n", "notes.txt")
        func error(_ path: String, _ problem: CertificateFileError.Problem) -> CertificateFileError {
            CertificateFileError(path: path, origin: "SSL_CERT_DIR", problem: problem, isDirectory: true)
        }
        #expect(throws: error("/nonexistent/certs", .missing)) {
            try TrustedCertificates.load([], certificateDirectories: [("~/certs", "SSL_CERT_DIR")], directories: home)
        }
        #expect(throws: error(file, .notADirectory)) {
            try TrustedCertificates.load([], certificateDirectories: [(file, "SSL_CERT_DIR")], directories: home)
        }
        #expect(throws: error(folder.path, .noPEMInDirectory)) {
            try TrustedCertificates.load([], certificateDirectories: [(folder.path, "SSL_CERT_DIR")], directories: home)
        }
        #expect(error("/etc/x", .missing).description == "CA directory /etc/x (SSL_CERT_DIR) does not exist")
        #expect(error(folder.path, .noPEMInDirectory).description
            == "CA directory \(folder.path) (SSL_CERT_DIR) holds no file with a PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)")
    }

    @Test func configurationReadsEveryDirectoryOfSSLCertDir() throws {
        let home = try ConfigurationTests.Home(config: ConfigurationTests.cliConfig)
        let sources = ConfigurationSources(environment: ["HOME": home.path, "SSL_CERT_DIR": "/etc/ssl/certs:~/missing-certs"])
        #expect(throws: ConfigurationError.certificateFile(CertificateFileError(
            path: home.path + "/missing-certs", origin: "SSL_CERT_DIR", problem: .missing, isDirectory: true))) {
            try sources.resolve()
        }
    }
}
