/// What one zone answered: its images (every one tagged with this zone), or why it could not be read.
///
/// Several zones are kept side by side rather than merged into one list, so that each image stays tagged
/// with its zone (the same system image id exists in every zone) and a failing zone is reported as such.
public struct ZoneImages: Sendable, Hashable {
    public var zone: String
    public var result: Result<ImagePage, QingCloudError>

    public init(zone: String, result: Result<ImagePage, QingCloudError>) {
        self.zone = zone
        self.result = result
    }

    /// The zone's page, nil when it failed.
    public var page: ImagePage? { try? result.get() }

    /// Why the zone failed, nil when it answered.
    public var error: QingCloudError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
