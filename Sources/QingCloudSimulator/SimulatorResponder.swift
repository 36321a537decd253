import Hummingbird
import NIOCore
import QingCloud

/// The HTTP face of the simulator: serves `/iaas` and `/iaas/` with GET (query) and POST (form body),
/// hands the parameters to the API and injects the faults of the plan into its answers.
struct SimulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let api: SimulatedAPI
    /// Nil when the plan injects no errors, so that requests are not serialised through the counter.
    let faults: FaultInjector?
    let latency: Duration

    /// The largest form body accepted; a DescribeImages request is a few kilobytes at most.
    static let maximumBodySize = 1 << 20

    /// Why a dropped connection was dropped (thrown mid-response, so that the connection closes).
    struct DroppedConnection: Error {}

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let path = request.uri.path
        guard path == "/iaas" || path == "/iaas/" else {
            return Self.html(.notFound, "404 Not Found")
        }
        guard request.method == .get || request.method == .post else {
            var response = Self.html(.methodNotAllowed, "405 Not Allowed")
            response.headers[.allow] = "GET, POST"
            return response
        }
        let fault = await faults?.nextRequest()
        if latency > .zero {
            try await Task.sleep(for: latency)
        }
        var parameters = RequestParameters()
        var body: [UInt8]
        do {
            try parameters.append(formEncoded: (request.uri.query ?? "").utf8)
            if request.method == .post {
                var request = request
                let form = try await request.collectBody(upTo: Self.maximumBodySize)
                try parameters.append(formEncoded: form.readableBytesView)
            }
            body = api.answer(method: request.method.rawValue, path: path, parameters: parameters)
        } catch let error as APIError {
            body = SimulatedAPI.errorBody(error)
        } catch {
            return Self.html(.contentTooLarge, "413 Request Entity Too Large")
        }
        return Self.response(body, hitBy: fault)
    }

    private static func response(_ body: [UInt8], hitBy fault: FaultPlan.Kind?) -> Response {
        switch fault {
        case nil:
            json(body)
        case .busy:
            json(SimulatedAPI.errorBody(APIError(.serverBusy, message: "ServerBusy, the server is busy, please retry later")))
        case .internalError:
            json(SimulatedAPI.errorBody(APIError(.internalError, message: "InternalError, an internal error occurred")))
        case .updating:
            json(SimulatedAPI.errorBody(APIError(.serviceUpdating, message: "ServiceUpdating, the service is being updated")))
        case .malformedJSON:
            // The first comma dropped: `{"a":1"b":2}` is recognisably the API's JSON, and invalid.
            json(body.firstIndex(of: UInt8(ascii: ",")).map { index in
                var broken = body
                broken.remove(at: index)
                return broken
            } ?? Array("{\"ret_code\":".utf8))
        case .truncatedJSON:
            json(Array(body.prefix(body.count / 2)))
        case .http500:
            html(.internalServerError, "500 Internal Server Error")
        case .http503:
            html(.serviceUnavailable, "503 Service Temporarily Unavailable")
        case .dropConnection:
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: body.count) { writer in
                    try await writer.write(ByteBuffer(bytes: body.prefix(body.count / 2)))
                    throw DroppedConnection()
                }
            )
        }
    }

    private static func json(_ body: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The kind of page a proxy in front of the API sends.
    private static func html(_ status: HTTPResponse.Status, _ title: String) -> Response {
        let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        return Response(status: status, headers: [.contentType: "text/html"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
