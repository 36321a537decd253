import QingCloud

/// DescribeImages answered in memory by the simulator's own request validation and filtering, without
/// HTTP: the one fake ``ImageService`` for unit tests of pure logic and for benchmarks.
///
/// It holds a fixed list of images in listing order (which tests may change between requests); the
/// server's rules apply: the page cap, the statuses it accepts, ceased images only when asked for by
/// status or id, and an unknown id failing the whole request (unless ``rejectsUnknownIDs`` is off, as
/// some deployments behave).
public struct InProcessImageService: ImageService {
    /// The images in the order DescribeImages lists them.
    public var images: [Image]
    /// Whether naming an image id that does not exist fails the request (ResourceNotFound), as documented.
    public var rejectsUnknownIDs = true

    public init(images: [Image]) {
        self.images = images
    }

    /// The answer to `query`, at once.
    public func answer(_ query: ImageQuery) -> Result<ImagePage, QingCloudError> {
        do throws(APIError) {
            let request = try DescribeImagesRequest(parameters: RequestParameters(query.parameters))
            if rejectsUnknownIDs, !request.filter.imageIDs.isEmpty {
                let known = Set(images.map(\.id))
                if let missing = request.filter.imageIDs.first(where: { !known.contains($0) }) {
                    throw APIError(.resourceNotFound, message: "ResourceNotFound, resource [\(missing)] not found")
                }
            }
            let wanted = Set(request.filter.imageIDs)
            let matching = images.filter { image in
                (wanted.isEmpty || wanted.contains(image.id))
                    && request.filter.matches(
                        image, phase: ImagePhase(image.status, image.transitionStatus),
                        searchableID: Array(image.id.lowercased().utf8), searchableName: Array(image.name.lowercased().utf8)
                    )
            }
            let page = Array(matching.dropFirst(request.offset).prefix(request.limit))
            return .success(ImagePage(totalCount: matching.count, images: page))
        } catch {
            return .failure(.api(error, hint: nil))
        }
    }

    public func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        try answer(query).get()
    }
}
