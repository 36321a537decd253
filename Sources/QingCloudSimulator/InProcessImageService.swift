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
    public var images: [Image] {
        didSet { selections = FilterSelections() }
    }
    /// Whether naming an image id that does not exist fails the request (ResourceNotFound), as documented.
    public var rejectsUnknownIDs = true
    /// The instances DescribeInstances lists, in listing order (none unless a test sets them).
    public var instances: [Instance] = []
    /// The positions each recent filter selects in `images`, as the simulator remembers them: paging
    /// through a filter matches the images once, not once per page. A change to `images` starts afresh
    /// (copies made before it keep theirs).
    private var selections = FilterSelections()

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
            let matching = selections.selection(for: request.filter) { select(request.filter) }.fixed
            let page = matching.dropFirst(request.offset).prefix(request.limit).map { images[Int($0)] }
            return .success(ImagePage(totalCount: matching.count, images: page))
        } catch {
            return .failure(.api(error, hint: nil))
        }
    }

    public func describeImages(_ query: ImageQuery) async throws -> ImagePage {
        try answer(query).get()
    }

    /// The positions of the images `filter` selects, ascending (none of them changes by itself here).
    private func select(_ filter: DescribeImagesFilter) -> FilterSelections.Selection {
        let wanted = Set(filter.imageIDs)
        var positions: [Int32] = []
        for (position, image) in images.enumerated() where wanted.isEmpty || wanted.contains(image.id) {
            if filter.matches(image, phase: ImagePhase(image.status, image.transitionStatus),
                              searchableID: Array(image.id.lowercased().utf8),
                              searchableName: Array(image.name.lowercased().utf8)) {
                positions.append(Int32(position))
            }
        }
        return FilterSelections.Selection(fixed: positions, changing: [])
    }
}
