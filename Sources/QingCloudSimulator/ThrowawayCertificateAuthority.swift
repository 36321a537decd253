import Crypto
import Foundation
import QingCloud
import SwiftASN1
import X509

/// A certificate authority made up at start, so that `simulate --tls` serves HTTPS the way a private
/// QingCloud deployment does: with a certificate from a CA the system does not trust until told to.
///
/// Its key lives only in memory. ``issue(for:validity:)`` makes server certificates; tests use the
/// `validity` and names to make expired and wrong-host certificates.
public struct ThrowawayCertificateAuthority: Sendable {
    /// The CA certificate clients must trust (`--ca-file`, `SSL_CERT_FILE`).
    public let certificate: Certificate
    private let key: Certificate.PrivateKey

    /// A new CA valid from an hour before `now` for 30 days.
    public init(name: String = "qcimages simulator throwaway CA", now: Date = Date()) throws {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let subject = try DistinguishedName {
            OrganizationName("qcimages")
            CommonName(name)
        }
        certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now - 3_600, notValidAfter: now + 30 * 86_400,
            issuer: subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            },
            issuerPrivateKey: key)
        self.key = key
    }

    /// The CA certificate as PEM, for writing to a file.
    public var pem: String {
        get throws { try certificate.serializeAsPEM().pemString + "\n" }
    }

    /// A server certificate for `names` (host names and IP addresses) with a key of its own.
    public func issue(for names: [String], validity: ClosedRange<Date>) throws -> ServerIdentity {
        let serverKey = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(serverKey.publicKey)
        let alternativeNames = names.map { name -> GeneralName in
            if let address = Self.addressBytes(name) {
                return .ipAddress(ASN1OctetString(contentBytes: address[...]))
            }
            return .dnsName(name)
        }
        let subject = try DistinguishedName { CommonName(names.first ?? "localhost") }
        let leaf = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
            notValidBefore: validity.lowerBound, notValidAfter: validity.upperBound,
            issuer: certificate.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(alternativeNames)
                AuthorityKeyIdentifier(keyIdentifier: try certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
            },
            issuerPrivateKey: key)
        return ServerIdentity(
            certificateChainPEM: try leaf.serializeAsPEM().pemString + "\n",
            privateKeyPEM: serverKey.pemRepresentation + "\n")
    }

    /// The names a loopback simulator is reached by.
    public static let loopbackNames = ["localhost", "127.0.0.1", "::1"]

    private static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

/// A server certificate chain and its private key, as PEM: what an HTTPS server needs.
public struct ServerIdentity: Sendable, Hashable {
    public var certificateChainPEM: String
    public var privateKeyPEM: String

    public init(certificateChainPEM: String, privateKeyPEM: String) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// Reads a certificate chain and a key from PEM files (`simulate --tls-cert/--tls-key`).
    public init(certificateFile: String, keyFile: String) throws(SimulatorError) {
        func read(_ path: String, what: String) throws(SimulatorError) -> String {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .badIdentity(reason: "cannot read the \(what) file \(path)")
            }
            return text
        }
        self.init(certificateChainPEM: try read(certificateFile, what: "certificate"),
                  privateKeyPEM: try read(keyFile, what: "key"))
    }
}
