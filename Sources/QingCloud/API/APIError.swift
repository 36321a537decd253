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

    public init(_ code: ReturnCode, message: String) {
        self.init(code: code.rawValue, message: message)
    }

    /// The category the API puts before the first comma of `message`.
    public var category: String {
        let head = message.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        return head.trimmingCharacters(in: .whitespaces)
    }

    /// The `ret_code` by name.
    public var returnCode: ReturnCode { ReturnCode(rawValue: code) }

    /// What the code means, as QingCloud documents it.
    public var meaning: String { returnCode.meaning }

    /// Whether the same request may succeed later: internal errors, busy and updating.
    public var isRetryable: Bool { returnCode.isRetryable }
}
