/// Something that answers DescribeImages: the real client, or a fake in unit tests of pure logic.
public protocol ImageService: Sendable {
    /// One page of images matching `query` (its `offset` and `limit` select the page).
    ///
    /// Throws ``QingCloudError``; cancelling the calling task cancels the request.
    func describeImages(_ query: ImageQuery) async throws -> ImagePage
}
