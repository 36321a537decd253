import Foundation
import Logging
import QingCloud

/// The API behind the HTTP layer: takes a decoded request, authenticates it, runs the action and gives
/// the JSON body to send (always with HTTP 200, as QingCloud does for API errors too).
struct SimulatedAPI: Sendable {
    let zones: ZoneWorlds
    let authenticator: RequestAuthenticator
    let clock: VirtualClock
    let logger: Logger
    let requests = RequestCounter()
    let instances = InstanceWorlds()
    let deniedActions: Set<String>

    init(configuration: SimulatorConfiguration, logger: Logger) {
        clock = VirtualClock(wallClock: configuration.clock, speed: configuration.speed)
        zones = ZoneWorlds(configuration: configuration, epoch: clock.epochDate)
        authenticator = RequestAuthenticator(
            signer: RequestSigner(accessKeyID: configuration.accessKeyID, secretAccessKey: configuration.secretAccessKey),
            timestampWindow: configuration.timestampWindow
        )
        self.logger = logger
        deniedActions = configuration.deniedActions
    }

    /// The body answering a request made with `method` on `path`.
    func answer(method: String, path: String, parameters: RequestParameters) -> [UInt8] {
        let action = parameters["action"] ?? ""
        requests.record(action: action, zone: parameters["zone"] ?? "")
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
        if let action = parameters["action"], deniedActions.contains(action) {
            throw APIError(.permissionDenied, message: "PermissionDenied, the access key may not call [\(action)]")
        }
        switch parameters["action"] ?? "" {
        case "DescribeImages": return try describeImages(parameters)
        case "DescribeZones": return try describeZones(parameters)
        case "DescribeInstances": return try describeInstances(parameters)
        case let action:
            throw APIError(.unknownAction, message: "InvalidAction, action [\(action)] is not supported by this endpoint")
        }
    }

    private func describeImages(_ parameters: RequestParameters) throws(APIError) -> [UInt8] {
        let requestedZone = try servedZone(parameters)
        let request = try DescribeImagesRequest(parameters: parameters)
        let world = try world(of: requestedZone)
        let now = clock.virtualElapsed()
        if let unknown = world.firstUnknownID(in: request.filter.imageIDs, at: now) {
            throw APIError(.resourceNotFound, message: "ResourceNotFound, resource [\(unknown)] not found")
        }
        let result = world.page(matching: request.filter, at: now, offset: request.offset, limit: request.limit)
        return world.describeImagesResponse(totalCount: result.totalCount, page: result.page)
    }

    /// The zones served, with their status; `zones.n` and `status.n` narrow the list. A `zone` given must
    /// be one served, as for any other action.
    private func describeZones(_ parameters: RequestParameters) throws(APIError) -> [UInt8] {
        if let requestedZone = parameters["zone"], !requestedZone.isEmpty {
            try requireServed(requestedZone)
        }
        let statuses = parameters.list("status")
        let valid = ZoneStatus.documented.map(\.rawValue)
        if let bad = statuses.first(where: { !valid.contains($0) }) {
            throw APIError(.badRequest, message:
                "InvalidParameterValue, status [\(bad)] is not one of \(valid.joined(separator: ", "))")
        }
        let wanted = parameters.list("zones")
        let listed = zones.ids.filter { id in
            (wanted.isEmpty || wanted.contains(id)) && (statuses.isEmpty || statuses.contains(zones.status(of: id)))
        }
        var json = JSONWriter(capacity: 64 + 48 * listed.count)
        json.raw("{\"action\":\"DescribeZonesResponse\",\"total_count\":")
        json.integer(listed.count)
        json.raw(",\"zone_set\":[")
        for (index, id) in listed.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{"); json.key("zone_id"); json.string(id)
            json.raw(","); json.key("status"); json.string(zones.status(of: id)); json.raw("}")
        }
        json.raw("],\"ret_code\":0}")
        return json.bytes
    }

    /// The zone a request names: it is required, must be served and must not be failing. Builds no world.
    func servedZone(_ parameters: RequestParameters) throws(APIError) -> String {
        guard let requestedZone = parameters["zone"], !requestedZone.isEmpty else {
            throw APIError(.badRequest, message: "MissingParameter, the parameter [zone] is required")
        }
        try requireServed(requestedZone)
        if zones.failing.contains(requestedZone) {
            throw APIError.failingZone(requestedZone)
        }
        return requestedZone
    }

    /// The zone a request names (see ``servedZone(_:)``) and its world, built on the zone's first request.
    func servedWorld(_ parameters: RequestParameters) throws(APIError) -> (zone: String, world: ImageWorld) {
        let zone = try servedZone(parameters)
        return (zone, try world(of: zone))
    }

    /// Nothing, if `zone` is served; else the refusal of ``notServed(_:)``. Builds no world.
    private func requireServed(_ zone: String) throws(APIError) {
        guard zones.serves(zone) else { throw notServed(zone) }
    }

    /// The world of a zone served (built on its first request), or the refusal of ``notServed(_:)``.
    private func world(of zone: String) throws(APIError) -> ImageWorld {
        guard let world = zones[zone] else { throw notServed(zone) }
        return world
    }

    /// The API's refusal of a zone not served, naming the zones served.
    private func notServed(_ zone: String) -> APIError {
        APIError(.badRequest, message:
            "InvalidParameterValue, zone [\(zone)] is not served by this endpoint, which serves [\(zones.ids.joined(separator: ", "))]")
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

extension APIError {
    /// What a zone of ``SimulatorConfiguration/failingZones`` answers every DescribeImages with.
    public static func failingZone(_ zone: String) -> APIError {
        APIError(.internalError, message: "InternalError, zone [\(zone)] is failing, please retry later")
    }
}
