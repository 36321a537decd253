import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// HTTPS between the real client and the simulator on loopback, with a throwaway CA made per test, and
/// the one line each TLS failure gives.
@Suite("HTTPS with a private CA")
struct HTTPSTests {
    /// A CA written to a PEM file in a fresh folder, removed when the test ends.
    final class AuthorityFile {
        let authority: ThrowawayCertificateAuthority
        let folder: String
        var path: String { folder + "/ca.pem" }

        init() throws {
            authority = try ThrowawayCertificateAuthority()
            folder = NSTemporaryDirectory() + "qcimages-https-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try authority.pem.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func identity(names: [String] = ThrowawayCertificateAuthority.loopbackNames,
                      validity: ClosedRange<Date> = Date().addingTimeInterval(-3_600)...Date().addingTimeInterval(86_400)) throws -> ServerIdentity {
            try authority.issue(for: names, validity: validity)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Starts a simulator (TLS with `identity`, else plain HTTP), runs one DescribeImages at `url(port)`
    /// with `trust`, and returns its outcome.
    func describe(serving identity: ServerIdentity?, trust: TrustedCertificates = .systemOnly,
                  url: (Int) -> String) async throws -> Result<Int, QingCloudError> {
        var configuration = testConfiguration(images: 30)
        configuration.tls = identity
        let simulator = Simulator(configuration: configuration)
        let served = try await simulator.start()
        let client = QingCloudClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(url: url(served.port ?? 0)), accessKeyID: configuration.accessKeyID,
                secretAccessKey: configuration.secretAccessKey, zone: configuration.zone,
                requestTimeout: .seconds(10), retryPolicy: .none, trust: trust),
            now: { fixedNow })
        let result: Result<Int, QingCloudError>
        do {
            result = .success(try await client.describeImagesPage(ImageQuery(limit: 10)).totalCount)
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        await simulator.stop()
        return result
    }

    func trusting(_ file: AuthorityFile, origin: String = "--ca-file") throws -> TrustedCertificates {
        try TrustedCertificates.load([(file.path, origin)], directories: UserDirectories(home: "/nonexistent"))
    }

    func transportFailure(_ result: Result<Int, QingCloudError>) -> TransportFailure? {
        guard case .failure(.transport(let failure)) = result else { return nil }
        return failure
    }

    @Test func trustedCAGivesAnswersOverHTTPSByIPAndByName() async throws {
        let file = try AuthorityFile()
        let identity = try file.identity()
        let overHTTP = try await describe(serving: nil) { "http://127.0.0.1:\($0)/iaas/" }.get()
        for host in ["127.0.0.1", "localhost"] {
            let result = try await describe(serving: identity, trust: try trusting(file)) { "https://\(host):\($0)/iaas/" }
            #expect(try result.get() == overHTTP, "\(result)")
        }
    }

    @Test func caInADirectoryOfSSLCertDirIsTrustedBesideOtherFiles() async throws {
        let file = try AuthorityFile()
        try "not a certificate\n".write(toFile: file.folder + "/README", atomically: true, encoding: .utf8)
        let trust = try TrustedCertificates.load(
            [], certificateDirectories: [(file.folder, "SSL_CERT_DIR")], directories: UserDirectories(home: "/nonexistent"))
        let overHTTP = try await describe(serving: nil) { "http://127.0.0.1:\($0)/iaas/" }.get()
        let result = try await describe(serving: try file.identity(), trust: trust) { "https://127.0.0.1:\($0)/iaas/" }
        #expect(try result.get() == overHTTP, "\(result)")
    }

    @Test func untrustedIssuerIsOneLineWithTheFix() async throws {
        let file = try AuthorityFile()
        let result = try await describe(serving: try file.identity()) { "https://127.0.0.1:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .untrustedCertificate)
        #expect(failure.description.hasPrefix("the certificate of https://127.0.0.1:"))
        #expect(failure.description.contains("(issued by qcimages simulator throwaway CA)"))
        #expect(failure.description.hasSuffix("is not trusted: pass --ca-file or set SSL_CERT_FILE"))
        #expect(!QingCloudError.transport(failure).isRetryable)
    }

    @Test func expiredCertificateSaysWhen() async throws {
        let file = try AuthorityFile()
        let expiry = Date().addingTimeInterval(-86_400)
        let identity = try file.identity(validity: expiry.addingTimeInterval(-86_400)...expiry)
        let result = try await describe(serving: identity, trust: try trusting(file)) { "https://127.0.0.1:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .expiredCertificate)
        #expect(failure.description.contains(" expired on 20"))
        #expect(failure.description.hasSuffix("the server must renew it (or check this machine's clock)"))
    }

    @Test func certificateNotValidYetPointsAtTheClock() async throws {
        let file = try AuthorityFile()
        let start = Date().addingTimeInterval(86_400)
        let identity = try file.identity(validity: start...start.addingTimeInterval(86_400))
        let result = try await describe(serving: identity, trust: try trusting(file)) { "https://127.0.0.1:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .notYetValidCertificate)
        #expect(failure.description.hasSuffix("check this machine's clock"))
    }

    @Test func hostnameMismatchNamesWhatTheCertificateIsFor() async throws {
        let file = try AuthorityFile()
        let identity = try file.identity(names: ["qingcloud.invalid", "10.9.8.7"])
        let result = try await describe(serving: identity, trust: try trusting(file)) { "https://localhost:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .hostnameMismatch)
        #expect(failure.description.contains("is for another host (it names qingcloud.invalid, 10.9.8.7)"))
    }

    @Test func tlsSpokenToAPlainHTTPPort() async throws {
        let result = try await describe(serving: nil) { "https://127.0.0.1:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .tlsToPlainHTTP)
        #expect(failure.description.hasSuffix("answers in plain HTTP, not TLS: use http:// (protocol: http in the config) or the TLS port"))
    }

    @Test func plainHTTPSpokenToATLSPort() async throws {
        let file = try AuthorityFile()
        let result = try await describe(serving: try file.identity()) { "http://127.0.0.1:\($0)/iaas/" }
        let failure = try #require(transportFailure(result))
        #expect(failure.kind == .plainHTTPToTLS)
        #expect(failure.description.hasSuffix("expects TLS: use https:// (protocol: https in the config)"))
    }

    @Test func serverWithAKeyOfAnotherCertificateDoesNotStart() async throws {
        let file = try AuthorityFile()
        let one = try file.identity()
        let other = try file.identity()
        var configuration = testConfiguration(images: 1)
        configuration.tls = ServerIdentity(certificateChainPEM: one.certificateChainPEM, privateKeyPEM: other.privateKeyPEM)
        await #expect(throws: SimulatorError.badIdentity(reason: "the key does not belong to the certificate")) {
            _ = try await Simulator(configuration: configuration).start()
        }
    }
}
