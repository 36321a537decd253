/// A `ret_code` of the QingCloud API, by name, so that the client, the simulator and the browser never
/// write the numbers themselves.
///
/// Open: any number the server sends is kept; the documented ones have names and meanings.
public struct ReturnCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let success = ReturnCode(rawValue: 0)
    public static let badRequest = ReturnCode(rawValue: 1100)
    public static let unknownAction = ReturnCode(rawValue: 1101)
    public static let authenticationFailed = ReturnCode(rawValue: 1200)
    public static let requestExpired = ReturnCode(rawValue: 1300)
    public static let permissionDenied = ReturnCode(rawValue: 1400)
    public static let resourceNotFound = ReturnCode(rawValue: 2100)
    public static let insufficientBalance = ReturnCode(rawValue: 2400)
    public static let quotaExceeded = ReturnCode(rawValue: 2500)
    public static let internalError = ReturnCode(rawValue: 5000)
    public static let serverBusy = ReturnCode(rawValue: 5100)
    public static let insufficientBackendResources = ReturnCode(rawValue: 5200)
    public static let serviceUpdating = ReturnCode(rawValue: 5300)

    /// What the code means, as QingCloud documents it.
    public var meaning: String {
        switch self {
        case .badRequest: "bad request"
        case .unknownAction: "unknown action"
        case .authenticationFailed: "authentication failed"
        case .requestExpired: "request expired"
        case .permissionDenied: "permission denied"
        case .resourceNotFound: "resource not found"
        case .insufficientBalance: "insufficient balance"
        case .quotaExceeded: "quota exceeded"
        case .internalError: "internal error"
        case .serverBusy: "server busy"
        case .insufficientBackendResources: "insufficient backend resources"
        case .serviceUpdating: "service updating"
        default: "API error"
        }
    }

    /// Whether the same request may succeed later: internal errors, busy and updating.
    public var isRetryable: Bool { [.internalError, .serverBusy, .serviceUpdating].contains(self) }

    public var description: String { String(rawValue) }
}
