/// Misbehaviour to inject, so that clients can be tested and benchmarked against a server that is slow,
/// busy or broken in the ways a real endpoint (or what sits in front of it) can be.
///
/// Requests are numbered from 1 in the order they arrive. A fault set to `k` hits requests k, 2k, 3k...;
/// when several hit the same request, the first in ``Kind`` order wins. `latency` delays every answer.
public struct FaultPlan: Sendable, Hashable {
    /// The kinds of fault a request can be hit by, each with its `qcimages simulate` option.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `ret_code` 5100 (server busy; clients retry).
        case busy
        /// `ret_code` 5000 (internal error; clients retry).
        case internalError
        /// `ret_code` 5300 (service updating; clients retry later).
        case updating
        /// HTTP 200 with a body that is not valid JSON.
        case malformedJSON
        /// HTTP 200 with the JSON cut in the middle (complete HTTP message).
        case truncatedJSON
        /// HTTP 500 with an HTML page, as a failing proxy does.
        case http500
        /// HTTP 503 with an HTML page, as an overloaded gateway does.
        case http503
        /// No complete answer: the connection is closed mid-response.
        case dropConnection

        /// The `qcimages simulate` option that sets the kind's period (without its dashes) and what it does.
        public var option: (name: String, help: String) {
            switch self {
            case .busy: ("busy-every", "Answer every k-th request with 5100 (server busy).")
            case .internalError: ("internal-error-every", "Answer every k-th request with 5000 (internal error).")
            case .updating: ("updating-every", "Answer every k-th request with 5300 (service updating).")
            case .malformedJSON: ("malformed-every", "Answer every k-th request with malformed JSON.")
            case .truncatedJSON: ("truncated-every", "Answer every k-th request with truncated JSON.")
            case .http500: ("http500-every", "Answer every k-th request with HTTP 500.")
            case .http503: ("http503-every", "Answer every k-th request with HTTP 503.")
            case .dropConnection: ("drop-every", "Drop the connection of every k-th request.")
            }
        }
    }

    /// Added before every answer.
    public var latency: Duration
    /// Every how many requests each kind of fault hits; a kind not here is off.
    public var periods: [Kind: Int]

    /// `every[kind] = k`: every k-th request is hit by that kind.
    public init(latency: Duration = .zero, every periods: [Kind: Int] = [:]) {
        self.latency = latency
        self.periods = periods
    }

    /// No latency, no errors.
    public static let none = FaultPlan()

    /// The period of each kind of fault, nil when it is off.
    public func period(of kind: Kind) -> Int? { periods[kind] }

    /// The fault that hits request number `requestNumber` (1-based), if any.
    public func fault(forRequest requestNumber: Int) -> Kind? {
        Kind.allCases.first { kind in
            guard let period = period(of: kind), period > 0 else { return false }
            return requestNumber % period == 0
        }
    }

    /// Whether any request can be hit at all (latency aside).
    public var injectsErrors: Bool {
        Kind.allCases.contains { (period(of: $0) ?? 0) > 0 }
    }
}
