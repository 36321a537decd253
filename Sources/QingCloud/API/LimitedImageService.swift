/// An ``ImageService`` whose requests wait for a slot of a shared ``ConcurrencyLimit``.
public struct LimitedImageService: ImageService {
    public let service: any ImageService
    public let limit: ConcurrencyLimit

    public init(service: any ImageService, limit: ConcurrencyLimit) {
        self.service = service
        self.limit = limit
    }

    public func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        let service = service
        return try await limit.run { try await service.describeImages(query) }
    }
}
