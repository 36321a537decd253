import ArgumentParser
import Foundation
import QingCloudSimulator

/// What `simulate --tls-flaw` gets wrong in the certificate it serves.
enum CertificateFlaw: String, ExpressibleByArgument, CaseIterable {
    case expired
    case notYetValid = "not-yet-valid"
    case wrongHost = "wrong-host"
}

/// The throwaway CA of `simulate --tls`, written as PEM to a file clients can be pointed at, and the
/// server certificate it issued.
struct SimulatorAuthorityFile {
    let path: String
    let identity: ServerIdentity
    /// The folder made for the file, removed with it; nil when the user chose the path.
    private let madeDirectory: String?

    /// Makes a CA and a certificate for loopback (or one with `flaw`), and writes the CA to `path`, or to
    /// a new private folder under `$TMPDIR` when `path` is nil.
    static func make(at path: String?, flaw: CertificateFlaw?) throws -> SimulatorAuthorityFile {
        let now = Date()
        let authority: ThrowawayCertificateAuthority
        let identity: ServerIdentity
        let pem: String
        do {
            authority = try ThrowawayCertificateAuthority(now: now)
            let names = flaw == .wrongHost ? ["qingcloud.invalid"] : ThrowawayCertificateAuthority.loopbackNames
            let validity: ClosedRange<Date> = switch flaw {
            case .expired: (now - 2 * 86_400)...(now - 86_400)
            case .notYetValid: (now + 86_400)...(now + 2 * 86_400)
            case .wrongHost, nil: (now - 3_600)...(now + 30 * 86_400)
            }
            identity = try authority.issue(for: names, validity: validity)
            pem = try authority.pem
        } catch {
            throw Failure("cannot make the throwaway CA: \(error)")
        }
        var madeDirectory: String?
        let file: String
        if let path {
            file = path
        } else {
            let directory = FileManager.default.temporaryDirectory.path + "/qcimages-simulate-" + UUID().uuidString
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Failure("cannot make a folder for the CA: \(SystemErrorWording.words(for: error)); choose a file with --tls-ca-out")
            }
            madeDirectory = directory
            file = directory + "/ca.pem"
        }
        guard FileManager.default.createFile(atPath: file, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o644]) else {
            if let madeDirectory { try? FileManager.default.removeItem(atPath: madeDirectory) }
            throw Failure("cannot write the CA certificate to \(file); choose another path with --tls-ca-out")
        }
        return SimulatorAuthorityFile(path: file, identity: identity, madeDirectory: madeDirectory)
    }

    /// Removes the file (and the folder made for it).
    func remove() {
        if let madeDirectory {
            try? FileManager.default.removeItem(atPath: madeDirectory)
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
