/// Misbehaviour to inject, so that clients can be tested and benchmarked against a server that is slow,
/// busy or broken in the ways a real endpoint (or what sits in front of it) can be.
///
/// Requests are numbered from 1 in the order they arrive. A fault set to `k` hits requests k, 2k, 3k...;
/// when several hit the same request, the first in declaration order wins. `latency` delays every answer.
public struct FaultPlan: Sendable, Hashable {
    /// Added before every answer.
    public var latency: Duration = .zero
    /// Every k-th request answered `ret_code` 5100 (server busy; clients retry).
    public var busyEvery: Int?
    /// Every k-th request answered `ret_code` 5000 (internal error; clients retry).
    public var internalErrorEvery: Int?
    /// Every k-th request answered `ret_code` 5300 (service updating; clients retry later).
    public var updatingEvery: Int?
    /// Every k-th request answered HTTP 200 with a body that is not valid JSON.
    public var malformedJSONEvery: Int?
    /// Every k-th request answered HTTP 200 with the JSON cut in the middle (complete HTTP message).
    public var truncatedJSONEvery: Int?
    /// Every k-th request answered HTTP 500 with an HTML page, as a failing proxy does.
    public var http500Every: Int?
    /// Every k-th request answered HTTP 503 with an HTML page, as an overloaded gateway does.
    public var http503Every: Int?
    /// Every k-th request gets no complete answer: the connection is closed mid-response.
    public var dropConnectionEvery: Int?

    public init(
        latency: Duration = .zero,
        busyEvery: Int? = nil,
        internalErrorEvery: Int? = nil,
        updatingEvery: Int? = nil,
        malformedJSONEvery: Int? = nil,
        truncatedJSONEvery: Int? = nil,
        http500Every: Int? = nil,
        http503Every: Int? = nil,
        dropConnectionEvery: Int? = nil
    ) {
        self.latency = latency
        self.busyEvery = busyEvery
        self.internalErrorEvery = internalErrorEvery
        self.updatingEvery = updatingEvery
        self.malformedJSONEvery = malformedJSONEvery
        self.truncatedJSONEvery = truncatedJSONEvery
        self.http500Every = http500Every
        self.http503Every = http503Every
        self.dropConnectionEvery = dropConnectionEvery
    }

    /// No latency, no errors.
    public static let none = FaultPlan()

    /// The kinds of fault a request can be hit by.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case busy, internalError, updating, malformedJSON, truncatedJSON, http500, http503, dropConnection
    }

    /// The period of each kind of fault, nil when it is off.
    public func period(of kind: Kind) -> Int? {
        switch kind {
        case .busy: busyEvery
        case .internalError: internalErrorEvery
        case .updating: updatingEvery
        case .malformedJSON: malformedJSONEvery
        case .truncatedJSON: truncatedJSONEvery
        case .http500: http500Every
        case .http503: http503Every
        case .dropConnection: dropConnectionEvery
        }
    }

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
