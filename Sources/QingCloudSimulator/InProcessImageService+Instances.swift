import QingCloud

extension InProcessImageService: InstanceService {
    /// The answer to `query` from ``instances``, at once, with the simulator's validation and filters.
    public func answer(_ query: InstanceQuery) -> Result<InstancePage, QingCloudError> {
        do throws(APIError) {
            let request = try DescribeInstancesRequest(parameters: RequestParameters(query.parameters))
            let matching = instances.filter(request.matches)
            return .success(InstancePage(totalCount: matching.count,
                                         instances: Array(matching.dropFirst(request.offset).prefix(request.limit))))
        } catch {
            return .failure(.api(error, hint: nil))
        }
    }

    public func describeInstances(_ query: InstanceQuery) async throws -> InstancePage {
        try answer(query).get()
    }
}
