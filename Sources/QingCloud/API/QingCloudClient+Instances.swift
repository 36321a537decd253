import Foundation

/// The filters of a DescribeInstances request, typed. An empty list or a nil value means "not filtered".
public struct InstanceQuery: Sendable, Hashable {
    /// `image_id.n`: instances created from these images.
    public var imageIDs: [String]
    /// `instances.n`: exact instance ids.
    public var instanceIDs: [String]
    /// `status.n`; the API leaves ceased instances out unless they are asked for.
    public var statuses: [InstanceStatus]
    /// `search_word`: matches the instance id or name.
    public var searchWord: String?
    /// `offset`, 0 when nil.
    public var offset: Int?
    /// `limit`, 20 when nil; the server caps it at 100.
    public var limit: Int?
    /// `zone`, overriding the client's zone for this request.
    public var zone: String?

    public init(imageIDs: [String] = [], instanceIDs: [String] = [], statuses: [InstanceStatus] = [],
                searchWord: String? = nil, offset: Int? = nil, limit: Int? = nil, zone: String? = nil) {
        self.imageIDs = imageIDs
        self.instanceIDs = instanceIDs
        self.statuses = statuses
        self.searchWord = searchWord
        self.offset = offset
        self.limit = limit
        self.zone = zone
    }

    /// The request parameters, without the common ones.
    public var parameters: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        func list(_ name: String, _ values: [String]) {
            for (index, value) in values.enumerated() { result.append(("\(name).\(index + 1)", value)) }
        }
        list("image_id", imageIDs)
        list("instances", instanceIDs)
        list("status", statuses.map(\.rawValue))
        if let searchWord, !searchWord.isEmpty { result.append(("search_word", searchWord)) }
        if let offset { result.append(("offset", String(offset))) }
        if let limit { result.append(("limit", String(limit))) }
        return result
    }
}

/// One page of DescribeInstances.
public struct InstancePage: Sendable, Hashable {
    /// How many instances match, whatever the offset and limit.
    public var totalCount: Int
    public var instances: [Instance]

    public init(totalCount: Int, instances: [Instance]) {
        self.totalCount = totalCount
        self.instances = instances
    }
}

extension QingCloudClient {
    /// One page of DescribeInstances: signed, retried and refused like DescribeImages.
    ///
    /// What uses an image, for a detail pane: `describeInstances(InstanceQuery(imageIDs: [id], limit: 5,
    /// zone: zone))` gives the count (`totalCount`, ceased instances left out as the API does) and the
    /// first five (id, name, status) in one request. A key that may not call DescribeInstances gets
    /// `.api` with ret_code 1400 (permission denied): show it as unknown with that reason, not as zero.
    public func describeInstances(_ query: InstanceQuery) async throws(QingCloudError) -> InstancePage {
        let zone = query.zone ?? configuration.zone
        return try await call(action: "DescribeInstances", zone: query.zone, parameters: query.parameters) {
            body throws(QingCloudError) in
            try ResponseDecoder.checkReturnCode(body) { hint(for: $0, action: "DescribeInstances", zone: zone) }
            return try InstanceSetDecoder.page(from: body)
        }
    }

    /// Every instance matching `query` (its `offset` and `limit` are ignored), page after page of 100,
    /// until the server's `total_count` is reached or a page comes back empty.
    public func allInstances(matching query: InstanceQuery) async throws(QingCloudError) -> InstancePage {
        var query = query
        var instances: [Instance] = []
        while true {
            query.offset = instances.count
            query.limit = ImageQuery.maximumLimit
            let page = try await describeInstances(query)
            instances += page.instances
            if page.instances.isEmpty || instances.count >= page.totalCount {
                return InstancePage(totalCount: page.totalCount, instances: instances)
            }
        }
    }
}

/// Reads the `instance_set` of a DescribeInstances answer whose `ret_code` is 0.
enum InstanceSetDecoder {
    private struct Body: Decodable {
        struct Item: Decodable {
            struct ImageReference: Decodable {
                var image_id: String?
                var image_name: String?
            }
            var instance_id: String?
            var instance_name: String?
            var description: String?
            var status: String?
            var transition_status: String?
            var instance_type: String?
            var vcpus_current: Int?
            var memory_current: Int?
            var create_time: String?
            var status_time: String?
            var image: ImageReference?
        }
        var total_count: Int?
        var instance_set: [Item]?
    }

    static func page(from body: [UInt8]) throws(QingCloudError) -> InstancePage {
        let decoded: Body
        do {
            decoded = try JSONDecoder().decode(Body.self, from: Data(body))
        } catch {
            throw .malformedResponse(reason: "unexpected value in instance_set", offset: nil, excerpt: ResponseDecoder.excerpt(body))
        }
        guard let items = decoded.instance_set, let totalCount = decoded.total_count else {
            throw .malformedResponse(reason: "no instance_set or total_count", offset: nil, excerpt: ResponseDecoder.excerpt(body))
        }
        let instances = try items.map { item throws(QingCloudError) in
            guard let id = item.instance_id, !id.isEmpty else {
                throw .malformedResponse(reason: "an instance has no instance_id", offset: nil, excerpt: ResponseDecoder.excerpt(body))
            }
            return Instance(
                id: id, name: item.instance_name ?? "", description: item.description,
                status: InstanceStatus(apiValue: item.status ?? ""), transitionStatus: item.transition_status ?? "",
                instanceType: item.instance_type ?? "", vcpus: item.vcpus_current ?? 0, memoryMB: item.memory_current ?? 0,
                createTime: item.create_time.flatMap(APITimestamp.parse), statusTime: item.status_time.flatMap(APITimestamp.parse),
                imageID: item.image?.image_id ?? "", imageName: item.image?.image_name ?? "")
        }
        return InstancePage(totalCount: totalCount, instances: instances)
    }
}
