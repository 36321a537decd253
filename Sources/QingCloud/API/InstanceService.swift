/// Something that answers DescribeInstances: the real client, or a fake in unit tests of pure logic.
///
/// The browser asks it what uses an image (the detail pane's "Used by", the INSTANCES column).
public protocol InstanceService: Sendable {
    /// One page of instances matching `query` (its `offset` and `limit` select the page).
    ///
    /// Throws ``QingCloudError``; cancelling the calling task cancels the request.
    func describeInstances(_ query: InstanceQuery) async throws -> InstancePage
}

extension QingCloudClient: InstanceService {}

extension InstanceService {
    /// How many instances (ceased ones left out, as the API does) run from each of `imageIDs`, in
    /// `zone` (nil: the service's own): DescribeInstances with up to 100 `image_id.n` a request, each
    /// request paged through 100 instances at a time, the instances grouped by their image. An image no
    /// instance uses counts 0. The ids go in the order given (duplicates once).
    public func instanceCounts(of imageIDs: [String], zone: String?) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        var unique: [String] = []
        for id in imageIDs where counts.updateValue(0, forKey: id) == nil { unique.append(id) }
        for start in stride(from: 0, to: unique.count, by: ImageQuery.maximumLimit) {
            var query = InstanceQuery(imageIDs: Array(unique[start..<min(unique.count, start + ImageQuery.maximumLimit)]),
                                      limit: ImageQuery.maximumLimit, zone: zone)
            var seen = 0
            while true {
                query.offset = seen
                let page = try await describeInstances(query)
                for instance in page.instances where counts[instance.imageID] != nil {
                    counts[instance.imageID, default: 0] += 1
                }
                seen += page.instances.count
                if page.instances.isEmpty || seen >= page.totalCount { break }
            }
        }
        return counts
    }
}
