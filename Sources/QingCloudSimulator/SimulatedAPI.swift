import Foundation
import Logging
import QingCloud

/// The API behind the HTTP layer: takes a decoded request, authenticates it, runs the action and gives
/// the JSON body to send (always with HTTP 200, as QingCloud does for API errors too).
struct SimulatedAPI: Sendable {
    let world: ImageWorld
    let authenticator: RequestAuthenticator
    let zone: String
    let clock: VirtualClock
    let logger: Logger

    init(configuration: SimulatorConfiguration, logger: Logger) {
        clock = VirtualClock(wallClock: configuration.clock, speed: configuration.speed)
        world = ImageWorld(imageCount: configuration.imageCount, seed: configuration.seed,
                           churn: configuration.churn, epoch: clock.epochDate)
        authenticator = RequestAuthenticator(
            signer: RequestSigner(accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey),
            timestampWindow: configuration.timestampWindow
        )
        zone = configuration.zone
        self.logger = logger
    }

    /// The body answering a request made with `method` on `path`.
    func answer(method: String, path: String, parameters: RequestParameters) -> [UInt8] {
        let action = parameters["action"] ?? ""
        do {
            let body = try run(method: method, path: path, parameters: parameters)
            logger.debug("answered", metadata: ["action": "\(action)", "ret_code": "0"])
            return body
        } catch {
            logger.debug("refused", metadata: [
                "action": "\(action)", "ret_code": "\(error.code)", "message": "\(error.message.debugDescription)",
            ])
            return Self.errorBody(error)
        }
    }

    private func run(method: String, path: String, parameters: RequestParameters) throws(APIError) -> [UInt8] {
        if let failure = authenticator.failure(method: method, path: path, parameters: parameters, now: clock.wallClock()) {
            throw failure
        }
        let action = parameters["action"] ?? ""
        guard action == "DescribeImages" else {
            throw APIError(.unknownAction, message: "InvalidAction, action [\(action)] is not supported by this endpoint")
        }
        return try describeImages(parameters)
    }

    private func describeImages(_ parameters: RequestParameters) throws(APIError) -> [UInt8] {
        guard let requestedZone = parameters["zone"], !requestedZone.isEmpty else {
            throw APIError(.badRequest, message: "MissingParameter, the parameter [zone] is required")
        }
        guard requestedZone == zone else {
            throw APIError(.badRequest, message:
                "InvalidParameterValue, zone [\(requestedZone)] is not served by this endpoint, which serves [\(zone)]")
        }
        let request = try DescribeImagesRequest(parameters: parameters)
        let now = clock.virtualElapsed()
        if let unknown = world.firstUnknownID(in: request.filter.imageIDs, at: now) {
            throw APIError(.resourceNotFound, message: "ResourceNotFound, resource [\(unknown)] not found")
        }
        let result = world.page(matching: request.filter, at: now, offset: request.offset, limit: request.limit)
        return world.describeImagesResponse(totalCount: result.totalCount, page: result.page)
    }

    /// `{"ret_code":N,"message":"..."}`.
    static func errorBody(_ error: APIError) -> [UInt8] {
        var json = JSONWriter(capacity: 128)
        json.raw("{\"ret_code\":")
        json.integer(error.code)
        json.raw(",\"message\":")
        json.string(error.message)
        json.raw("}")
        return json.bytes
    }
}
