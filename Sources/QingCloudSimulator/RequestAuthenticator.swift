import Foundation
import QingCloud

/// Checks the common parameters of a request the way QingCloud does, in the same order.
///
/// 1. every common parameter present (1100); `signature_method` one that can be verified, HmacSHA256 (1100);
/// 2. the access key known and the signature right over the method and path as received (1200);
/// 3. `time_stamp` within the window of the server's clock and `expires`, if sent, not passed (1300);
/// 4. `version` and `signature_version` both 1 (1100).
/// The action is checked afterwards by whoever handles it (1101). No message ever contains the secret.
struct RequestAuthenticator: Sendable {
    let signer: RequestSigner
    let timestampWindow: Duration

    static let commonParameters = [
        "action", "time_stamp", "access_key_id", "version", "signature_method", "signature_version", "signature",
    ]

    /// The error to answer with, nil when the request may proceed.
    func failure(method: String, path: String, parameters: RequestParameters, now: Date) -> APIError? {
        if let missing = Self.commonParameters.first(where: { (parameters[$0] ?? "").isEmpty }) {
            return APIError(.badRequest, message: "MissingParameter, the parameter [\(missing)] is required")
        }
        let signatureMethod = parameters["signature_method"] ?? ""
        guard signatureMethod == "HmacSHA256" else {
            return APIError(.badRequest, message:
                "InvalidParameterValue, signature_method [\(signatureMethod)] is not supported, use HmacSHA256")
        }
        let accessKeyID = parameters["access_key_id"] ?? ""
        guard accessKeyID == signer.accessKeyID else {
            return APIError(.authenticationFailed, message: "AuthFailure, access key [\(accessKeyID)] does not exist")
        }
        let expected = signer.signature(method: method, path: path, parameters: parameters.signedPairs)
        guard Self.constantTimeEqual(expected, parameters["signature"] ?? "") else {
            return APIError(.authenticationFailed, message: "AuthFailure, signature not matched")
        }
        if let failure = timeFailure(parameters: parameters, now: now) {
            return failure
        }
        if let unsupported = ["version", "signature_version"].first(where: { parameters[$0] != "1" }) {
            return APIError(.badRequest, message:
                "InvalidParameterValue, \(unsupported) [\(parameters[unsupported] ?? "")] is not supported, use 1")
        }
        return nil
    }

    private func timeFailure(parameters: RequestParameters, now: Date) -> APIError? {
        let timestampText = parameters["time_stamp"] ?? ""
        guard let timestamp = APITimestamp.parse(timestampText) else {
            return APIError(.badRequest, message:
                "InvalidParameterValue, time_stamp [\(timestampText)] is not a time like 2024-01-02T03:04:05Z")
        }
        let window = TimeInterval(timestampWindow.components.seconds)
        if abs(timestamp.timeIntervalSince(now)) > window {
            return APIError(.requestExpired, message:
                "RequestExpired, time_stamp [\(timestampText)] is more than \(Int(window)) seconds away from "
                + "the server time [\(APITimestamp.format(now))]")
        }
        if let expiresText = parameters["expires"] {
            guard let expires = APITimestamp.parse(expiresText) else {
                return APIError(.badRequest, message:
                    "InvalidParameterValue, expires [\(expiresText)] is not a time like 2024-01-02T03:04:05Z")
            }
            if expires < now {
                return APIError(.requestExpired, message:
                    "RequestExpired, the request expired at [\(expiresText)], server time [\(APITimestamp.format(now))]")
            }
        }
        return nil
    }

    /// Compares signatures without leaking, through timing, how much of a guess was right.
    static func constantTimeEqual(_ first: String, _ second: String) -> Bool {
        let firstBytes = Array(first.utf8)
        let secondBytes = Array(second.utf8)
        guard firstBytes.count == secondBytes.count else { return false }
        return zip(firstBytes, secondBytes).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
