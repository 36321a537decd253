import Foundation

extension QingCloudClient {
    /// The zones the account can use, as DescribeZones lists them, in the API's order.
    ///
    /// Signed and retried like DescribeImages. `ids` (`zones.n`) and `statuses` (`status.n`) narrow the
    /// answer on the server; the official SDK sends neither.
    public func describeZones(ids: [String] = [], statuses: [ZoneStatus] = []) async throws(QingCloudError) -> [Zone] {
        var parameters: [(name: String, value: String)] = []
        for (index, id) in ids.enumerated() { parameters.append(("zones.\(index + 1)", id)) }
        for (index, status) in statuses.enumerated() { parameters.append(("status.\(index + 1)", status.rawValue)) }
        return try await call(action: "DescribeZones", parameters: parameters) { body throws(QingCloudError) in
            try ResponseDecoder.checkReturnCode(body) { hint(for: $0, action: "DescribeZones", zone: nil) }
            return try ZoneSetDecoder.zones(from: body)
        }
    }
}

/// Reads the `zone_set` of a DescribeZones answer whose `ret_code` is 0.
enum ZoneSetDecoder {
    private struct Body: Decodable {
        struct Item: Decodable {
            var zone_id: String?
            var status: String?
        }
        var zone_set: [Item]?
    }

    static func zones(from body: [UInt8]) throws(QingCloudError) -> [Zone] {
        let decoded: Body
        do {
            decoded = try JSONDecoder().decode(Body.self, from: Data(body))
        } catch {
            throw .malformedResponse(reason: "unexpected value in zone_set", offset: nil, excerpt: ResponseDecoder.excerpt(body))
        }
        guard let items = decoded.zone_set else {
            throw .malformedResponse(reason: "no zone_set", offset: nil, excerpt: ResponseDecoder.excerpt(body))
        }
        return try items.map { item throws(QingCloudError) in
            guard let id = item.zone_id, !id.isEmpty else {
                throw .malformedResponse(reason: "a zone has no zone_id", offset: nil, excerpt: ResponseDecoder.excerpt(body))
            }
            return Zone(id: id, status: ZoneStatus(apiValue: item.status ?? ""))
        }
    }
}
