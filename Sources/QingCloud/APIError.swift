import Foundation

/// An error the QingCloud API answered with (`ret_code` other than 0).
public struct APIError: Error, Sendable, Hashable {
    /// The `ret_code`.
    public var code: Int
    /// The `message` as the server sent it, e.g. `"PermissionDenied, ..."`.
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// The category the API puts before the first comma of `message`.
    public var category: String {
        let head = message.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        return head.trimmingCharacters(in: .whitespaces)
    }

    /// What the code means, as QingCloud documents it.
    public var meaning: String {
        switch code {
        case 1100: "bad request"
        case 1101: "unknown action"
        case 1200: "authentication failed"
        case 1300: "request expired"
        case 1400: "permission denied"
        case 2100: "resource not found"
        case 2400: "insufficient balance"
        case 2500: "quota exceeded"
        case 5000: "internal error"
        case 5100: "server busy"
        case 5200: "insufficient backend resources"
        case 5300: "service updating"
        default: "API error"
        }
    }

    /// Whether the same request may succeed later: internal errors, busy and updating.
    public var isRetryable: Bool { [5000, 5100, 5300].contains(code) }
}
