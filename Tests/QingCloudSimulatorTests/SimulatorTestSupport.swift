import AsyncHTTPClient
import Foundation
import JSONEngine
import NIOCore
import QingCloud
import Synchronization
@testable import QingCloudSimulator

/// 2024-06-01T00:00:00Z: the fixed "now" of deterministic tests.
let fixedNow = Date(timeIntervalSince1970: 1_717_200_000)

/// A wall clock that tests move by hand, or that moves by a fixed step at every reading.
final class SteppedClock: Sendable {
    private let current: Mutex<Date>
    private let stepPerReading: TimeInterval

    init(_ start: Date = fixedNow, stepPerReading: TimeInterval = 0) {
        current = Mutex(start)
        self.stepPerReading = stepPerReading
    }

    var now: Date {
        current.withLock { current in
            defer { current += stepPerReading }
            return current
        }
    }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    /// The clock as a simulator takes it.
    var reading: @Sendable () -> Date {
        { [self] in now }
    }
}

/// A configuration on a fixed clock with a small catalogue, for tests.
func testConfiguration(
    images: Int = 300, seed: UInt64 = 7, churn: Bool = false, clock: SteppedClock = SteppedClock()
) -> SimulatorConfiguration {
    var configuration = SimulatorConfiguration()
    configuration.imageCount = images
    configuration.seed = seed
    configuration.churn = churn
    configuration.clock = clock.reading
    return configuration
}

/// Runs `body` against a started simulator and stops it afterwards, whatever happens.
func withSimulator<Result>(
    _ configuration: SimulatorConfiguration,
    _ body: (RawAPI) async throws -> Result
) async throws -> Result {
    let simulator = Simulator(configuration: configuration)
    let url = try await simulator.start()
    do {
        let result = try await body(RawAPI(endpoint: url, configuration: configuration))
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// The HTTP methods tests send.
enum Verb: String, Sendable {
    case GET, POST, PUT
}

/// One HTTP answer of the simulator.
struct Reply {
    var status: Int
    var body: [UInt8]

    var json: JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(body))
    }

    var retCode: Int? { json?["ret_code"]?.intValue }
    var message: String { json?["message"]?.stringValue ?? "" }
    var totalCount: Int? { json?["total_count"]?.intValue }
    var imageSet: [JSONValue] { json?["image_set"]?.arrayValue ?? [] }
    var imageIDs: [String] { imageSet.compactMap { $0["image_id"]?.stringValue } }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Talks to a simulator over real HTTP with hand-signed requests, so that every parameter, header and
/// signature detail can be varied.
struct RawAPI {
    let endpoint: URL
    let configuration: SimulatorConfiguration

    /// `http://127.0.0.1:PORT`
    var origin: String {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        components.path = ""
        return components.string!
    }

    /// The common parameters of a DescribeImages request signed now by the simulator's clock.
    func commonParameters(action: String = "DescribeImages") -> [(name: String, value: String)] {
        [
            ("action", action), ("zone", configuration.zone), ("time_stamp", APITimestamp.format(configuration.clock())),
            ("access_key_id", configuration.accessKeyID), ("version", "1"), ("signature_method", "HmacSHA256"),
            ("signature_version", "1"),
        ]
    }

    /// Sends `parameters` plus the common ones (minus `omitting`, with `overriding` applied), signed with
    /// `secret` over `signedMethod` and `signedPath` (by default, those really used).
    func send(
        _ parameters: [(name: String, value: String)] = [],
        action: String = "DescribeImages",
        omitting: Set<String> = [],
        overriding: [String: String] = [:],
        method: Verb = .GET,
        path: String = "/iaas/",
        secret: String? = nil,
        signedMethod: String? = nil,
        signedPath: String? = nil,
        signature: String? = nil,
        timeout: TimeAmount = .seconds(30)
    ) async throws -> Reply {
        var all = commonParameters(action: action).filter { !omitting.contains($0.name) && overriding[$0.name] == nil }
        all += overriding.filter { !omitting.contains($0.key) }.map { (name: $0.key, value: $0.value) }
        all += parameters
        let signer = RequestSigner(accessKeyID: configuration.accessKeyID,
                                   secretAccessKey: secret ?? configuration.secretAccessKey)
        var query = RequestSigner.canonicalQuery(all)
        if !omitting.contains("signature") {
            let computed = signer.signature(method: signedMethod ?? method.rawValue, path: signedPath ?? path,
                                            parameters: all)
            query += "&signature=" + RequestSigner.percentEncode(signature ?? computed)
        }
        return try await sendRaw(query: query, method: method, path: path, timeout: timeout)
    }

    /// Sends an already encoded query: in the URL for GET, as a form body (spaces as `+`) for POST.
    /// AsyncHTTPClient keeps retrying a refused connection until `timeout`.
    func sendRaw(
        query: String, method: Verb = .GET, path: String = "/iaas/", timeout: TimeAmount = .seconds(30)
    ) async throws -> Reply {
        var request: HTTPClientRequest
        switch method {
        case .POST:
            request = HTTPClientRequest(url: origin + path)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: query.replacingOccurrences(of: "%20", with: "+")))
        case .GET:
            request = HTTPClientRequest(url: origin + path + (query.isEmpty ? "" : "?" + query))
        case .PUT:
            request = HTTPClientRequest(url: origin + path)
            request.method = .PUT
        }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), body: Array(body.readableBytesView))
    }

    /// Every image matching `parameters`, page by page (100 at a time).
    func describeAll(_ parameters: [(name: String, value: String)] = []) async throws -> [String] {
        var ids: [String] = []
        while true {
            let reply = try await send(parameters + [("offset", "\(ids.count)"), ("limit", "100")])
            guard reply.retCode == 0 else { throw APIError(code: reply.retCode ?? -1, message: reply.message) }
            ids += reply.imageIDs
            if reply.imageIDs.isEmpty || ids.count >= reply.totalCount ?? 0 { return ids }
        }
    }
}

/// The catalogue a test configuration serves (its clock must still read the epoch).
func catalogue(of configuration: SimulatorConfiguration) -> [Image] {
    SeededCatalogue.generate(count: configuration.imageCount, seed: configuration.seed, now: configuration.clock())
}

/// Whether text holds a character that must never reach a terminal unchanged.
func hasControlCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E: true
        default: false
        }
    }
}
