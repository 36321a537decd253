import QingCloud

/// The parameters of a DescribeInstances request, validated as DescribeImages' are.
///
/// Served: `instances.n`, `image_id` and `image_id.n` (the official SDK sends the first for one id, the
/// second for a list), `instance_type.n`, `status.n` (ceased left out unless asked for; an unknown
/// status is 1100), `search_word` (id or name), `verbose` (0 or 1), `offset`, `limit` (default 20,
/// capped at 100). `tags.n` and `owner` are accepted and not applied: every instance belongs to the
/// account and carries no tags.
struct DescribeInstancesRequest: Sendable {
    var instanceIDs: Set<String>
    var imageIDs: Set<String>
    var instanceTypes: Set<String>
    var statuses: Set<String>
    var searchWord: [UInt8]
    var offset: Int
    var limit: Int

    init(parameters: RequestParameters) throws(APIError) {
        if let verbose = parameters["verbose"], verbose != "0", verbose != "1" {
            throw APIError(.badRequest, message: "InvalidParameterValue, verbose [\(verbose)] must be 0 or 1")
        }
        let statuses = parameters.list("status")
        if let bad = statuses.first(where: { !InstanceCatalogue.statuses.contains($0) }) {
            throw APIError(.badRequest, message:
                "InvalidParameterValue, status [\(bad)] is not one of \(InstanceCatalogue.statuses.joined(separator: ", "))")
        }
        self.statuses = Set(statuses.isEmpty ? InstanceCatalogue.statuses.filter { $0 != "ceased" } : statuses)
        instanceIDs = Set(parameters.list("instances"))
        imageIDs = Set(parameters.list("image_id"))
        instanceTypes = Set(parameters.list("instance_type"))
        searchWord = Array((parameters["search_word"] ?? "").lowercased().utf8)
        offset = try DescribeImagesRequest.count("offset", parameters) ?? 0
        limit = min(ImageQuery.maximumLimit, try DescribeImagesRequest.count("limit", parameters) ?? ImageQuery.defaultLimit)
    }

    func matches(_ entry: InstanceCatalogue.Entry) -> Bool {
        matches(id: entry.id, searchableName: entry.searchableName, status: entry.status, imageID: entry.imageID,
                instanceType: entry.instanceType)
    }

    /// The same test for an ``Instance`` (the in-process service's).
    func matches(_ instance: Instance) -> Bool {
        matches(id: instance.id, searchableName: Array(instance.name.lowercased().utf8), status: instance.status.rawValue,
                imageID: instance.imageID, instanceType: instance.instanceType)
    }

    private func matches(id: String, searchableName: [UInt8], status: String, imageID: String, instanceType: String) -> Bool {
        statuses.contains(status)
            && (imageIDs.isEmpty || imageIDs.contains(imageID))
            && (instanceIDs.isEmpty || instanceIDs.contains(id))
            && (instanceTypes.isEmpty || instanceTypes.contains(instanceType))
            && (searchWord.isEmpty || DescribeImagesFilter.contains(Array(id.lowercased().utf8), searchWord)
                || DescribeImagesFilter.contains(searchableName, searchWord))
    }
}

extension SimulatedAPI {
    /// The instances of the zone asked for that match, a page of them (`offset`, `limit`) in listing order.
    func describeInstances(_ parameters: RequestParameters) throws(APIError) -> [UInt8] {
        let (zone, world) = try servedWorld(parameters)
        let request = try DescribeInstancesRequest(parameters: parameters)
        let matching = instances.catalogue(zone: zone, world: world).entries.filter(request.matches)
        let page = matching.dropFirst(request.offset).prefix(request.limit)
        var json = JSONWriter(capacity: 128 + page.reduce(0) { $0 + $1.json.count + 1 })
        json.raw("{\"action\":\"DescribeInstancesResponse\",\"total_count\":")
        json.integer(matching.count)
        json.raw(",\"instance_set\":[")
        for (index, entry) in page.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw(entry.json)
        }
        json.raw("],\"ret_code\":0}")
        return json.bytes
    }
}
