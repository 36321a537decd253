import Crypto
import Foundation

/// Signs API requests the way QingCloud verifies them (HMAC-SHA256 over method, path and sorted query).
///
/// Used by the client to sign and by the simulator to verify, so both sides share one implementation;
/// the official Python SDK is the independent check that it matches the real service.
public struct RequestSigner: Sendable {
    public let accessKeyID: String
    private let secret: SymmetricKey

    public init(accessKeyID: String, secretAccessKey: String) {
        self.accessKeyID = accessKeyID
        self.secret = SymmetricKey(data: Data(secretAccessKey.utf8))
    }

    /// The base64 signature of a request.
    ///
    /// `parameters` must not include `signature`; `path` is the path actually requested (`/iaas/` or `/iaas`).
    public func signature(method: String, path: String, parameters: [(name: String, value: String)]) -> String {
        let stringToSign = Self.stringToSign(method: method, path: path, parameters: parameters)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: secret)
        return Data(mac).base64EncodedString()
    }

    /// `METHOD\nPATH\ncanonical query`.
    public static func stringToSign(method: String, path: String, parameters: [(name: String, value: String)]) -> String {
        "\(method.uppercased())\n\(path)\n\(canonicalQuery(parameters))"
    }

    /// The parameters sorted by name in byte order, percent-encoded and joined with `&`.
    public static func canonicalQuery(_ parameters: [(name: String, value: String)]) -> String {
        parameters
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            .map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }
            .joined(separator: "&")
    }

    /// Percent-encodes UTF-8, keeping only `A-Z a-z 0-9 - _ . ~`, with uppercase hex.
    public static func percentEncode(_ text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: "~"):
                output.append(byte)
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
