import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Synchronization

/// The QingCloud IaaS API client: signs requests, sends them, retries what may succeed later and turns
/// every failure into a ``QingCloudError``.
///
/// One client holds one connection pool; share it, and call ``shutdown()`` when done. Cancelling the
/// task that awaits a request cancels the HTTP request.
public final class QingCloudClient: ImageService, Sendable {
    public let configuration: ClientConfiguration
    private let httpClient: HTTPClient
    private let logger: Logger
    private let random: @Sendable () -> Double
    private let now: @Sendable () -> Date
    private let recentPages = Mutex<[String: (body: [UInt8], page: ImagePage)]>([:])

    /// - Parameters:
    ///   - random: a source of numbers in `0..<1` for the retry jitter.
    ///   - now: the clock that stamps requests (`time_stamp`).
    public init(configuration: ClientConfiguration,
                logger: Logger = Logger(label: "qcimages.client", factory: { _ in SwiftLogNoOpLogHandler() }),
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.logger = logger
        self.random = random
        self.now = now
        let timeout = TimeAmount(configuration.requestTimeout)
        var httpConfiguration = HTTPClient.Configuration(
            timeout: .init(connect: min(timeout, .seconds(10)), read: timeout))
        httpConfiguration.decompression = .enabled(limit: .ratio(100))
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 8
        // A refused or failed connection is one failed attempt for the retry policy, not a silent retry
        // inside the pool until the connect timeout runs out.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        httpConfiguration.tlsConfiguration = configuration.trust.tlsConfiguration
        httpConfiguration.proxy = configuration.proxy?.clientProxy
        self.httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Closes the connection pool. The client cannot be used afterwards.
    public func shutdown() async {
        try? await httpClient.shutdown()
    }

    public func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        try await describeImagesPage(query)
    }

    /// One page of DescribeImages, with typed errors.
    ///
    /// A live refresh asks the same questions every few seconds and mostly gets the same answers: an answer
    /// whose bytes equal the last one for the same query is not decoded again.
    public func describeImagesPage(_ query: ImageQuery) async throws(QingCloudError) -> ImagePage {
        let key = RequestSigner.canonicalQuery(query.parameters) + "&zone=" + (query.zone ?? configuration.zone)
        let cached = recentPages.withLock { $0[key] }
        let zone = query.zone ?? configuration.zone
        let (body, page) = try await call(action: "DescribeImages", zone: query.zone, parameters: query.parameters) {
            body throws(QingCloudError) in
            if let cached, cached.body == body { return (body, cached.page) }
            return (body, try ResponseDecoder.imagePage(from: body) { hint(for: $0, action: "DescribeImages", zone: zone) })
        }
        recentPages.withLock { pages in
            if pages[key] == nil, pages.count >= Self.recentPageLimit { pages.removeAll(keepingCapacity: true) }
            pages[key] = (body, page)
        }
        return page
    }

    /// A wait as people read it in a log: `0.19 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f s", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// How many answers ``describeImagesPage(_:)`` remembers (a screenful of refresh queries fits easily).
    static let recentPageLimit = 32

    /// Sends one API action with retries and returns what `read` makes of a `ret_code: 0` answer.
    ///
    /// `read` runs on every attempt's body and throws the API's error for a non-zero `ret_code`, so that
    /// retryable codes are retried.
    public func call<Answer>(action: String, zone: String? = nil, parameters: [(name: String, value: String)],
                             read: ([UInt8]) throws(QingCloudError) -> Answer) async throws(QingCloudError) -> Answer {
        let start = ContinuousClock.now
        var failedAttempts = 0
        while true {
            do {
                return try read(try await attempt(action: action, zone: zone, parameters: parameters))
            } catch {
                if Task.isCancelled || error == .cancelled { throw .cancelled }
                failedAttempts += 1
                let elapsed = ContinuousClock.now - start
                guard let delay = configuration.retryPolicy.delay(
                    after: error, failedAttempts: failedAttempts, elapsed: elapsed, unitRandom: random())
                else {
                    throw error
                }
                logger.notice("retrying \(action) after \(error.withoutHint) (attempt \(failedAttempts + 1), waiting \(Self.seconds(delay)))")
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw .cancelled
                }
            }
        }
    }

    /// Sends one API action with retries and returns the body of a `ret_code: 0` answer.
    public func call(action: String, zone: String? = nil,
                     parameters: [(name: String, value: String)]) async throws(QingCloudError) -> [UInt8] {
        try await call(action: action, zone: zone, parameters: parameters) { body throws(QingCloudError) in
            try ResponseDecoder.checkReturnCode(body) { hint(for: $0, action: action, zone: zone ?? configuration.zone) }
            return body
        }
    }

    /// The common and action parameters of a request, signed.
    func signedParameters(action: String, zone: String?, parameters: [(name: String, value: String)],
                          method: RequestMethod) -> [(name: String, value: String)] {
        var all = parameters.filter { $0.name != "zone" }
        all.append(("action", action))
        // DescribeZones may go without a zone (`-z all` with no zone configured); every other action has one.
        let zone = zone ?? configuration.zone
        if !zone.isEmpty { all.append(("zone", zone)) }
        all += [
            ("time_stamp", APITimestamp.format(now())),
            ("access_key_id", configuration.accessKeyID),
            ("version", "1"),
            ("signature_method", "HmacSHA256"),
            ("signature_version", "1"),
        ]
        let signature = configuration.signer.signature(
            method: method.rawValue, path: configuration.endpoint.path, parameters: all)
        return all + [("signature", signature)]
    }

    private func attempt(action: String, zone: String?,
                         parameters: [(name: String, value: String)]) async throws(QingCloudError) -> [UInt8] {
        let method = configuration.method
        let signed = signedParameters(action: action, zone: zone, parameters: parameters, method: method)
        let encoded = RequestSigner.canonicalQuery(signed)
        let endpoint = configuration.endpoint
        var request: HTTPClientRequest
        switch method {
        case .get:
            request = HTTPClientRequest(url: endpoint.url + "?" + encoded)
            request.method = .GET
        case .post:
            request = HTTPClientRequest(url: endpoint.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: encoded))
        }
        request.headers.add(name: "User-Agent", value: "qcimages")
        request.headers.add(name: "Accept", value: "application/json")
        let started = ContinuousClock.now
        do {
            let response = try await httpClient.execute(
                request, timeout: TimeAmount(configuration.requestTimeout), logger: nil)
            let body = try await response.body.collect(upTo: 256 * 1024 * 1024)
            let bytes = Array(body.readableBytesView)
            logger.debug("\(action) \(endpoint.url) -> HTTP \(response.status.code), \(bytes.count) bytes in \(ContinuousClock.now - started)")
            guard response.status.code == 200 else {
                throw QingCloudError.httpStatus(code: Int(response.status.code), excerpt: ResponseDecoder.excerpt(bytes))
            }
            return bytes
        } catch let error as QingCloudError {
            throw error
        } catch {
            let mapped = await TransportErrorMapping.map(
                error, endpoint: endpoint, timeout: configuration.requestTimeout, proxy: configuration.proxy)
            logger.debug("\(action) \(endpoint.url) failed: \(mapped)")
            throw mapped
        }
    }

    /// The hint that goes with an API error of `action` in `zone`: where to fix it.
    func hint(for error: APIError, action: String, zone: String?) -> String? {
        switch error.returnCode {
        case .authenticationFailed: "check qy_access_key_id and qy_secret_access_key in your config file or QINGCLOUD_ACCESS_KEY/QINGCLOUD_SECRET_KEY"
        case .requestExpired: "check this machine's clock (time_stamp must be close to the server's time, UTC)"
        case .permissionDenied: "the access key has no permission for \(action)" + (zone.map { " in zone \($0)" } ?? "")
        case .quotaExceeded: "the API quota is daily; try again tomorrow or ask QingCloud to raise it"
        case .internalError, .serverBusy, .serviceUpdating: "retried with backoff and gave up; try again shortly"
        default: nil
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
