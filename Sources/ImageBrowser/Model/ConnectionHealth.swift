import Foundation

/// The last success and the last failure talking to the server, for the header and `!`.
struct ConnectionHealth: Sendable {
    var lastSuccess: Date?
    /// The latest failure, while it lasts (with several zones: of a zone still failing, naming it).
    var error: ConnectionError?
    /// The latest failure of any request, kept after later requests worked: `!` shows it, so that a round
    /// in which some requests failed and others worked can be asked why.
    var lastFailure: ConnectionError?
}

/// A failure as the header and `!` show it.
struct ConnectionError: Sendable, Hashable {
    /// Sanitised, one line, as long as the error says.
    var message: String
    var kind: FailureKind
    var at: Date
}
