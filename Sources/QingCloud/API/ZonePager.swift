/// Fetching every image matching a query in several zones at once.
///
/// The zones are read side by side with one bound on the requests in flight for all of them together
/// (not one bound per zone), so asking for ten zones does not hit the API ten times as hard. A zone that
/// fails is reported as failed and never stops or hides the others.
public struct ZonePager: Sendable {
    public let service: any ImageService
    /// Requests in flight at once, over every zone.
    public var concurrency: Int

    public init(service: any ImageService, concurrency: Int = 4) {
        self.service = service
        self.concurrency = max(1, concurrency)
    }

    /// Every image matching `query` (its `zone`, `offset` and `limit` are ignored) in each of `zones`,
    /// in the order of `zones`; each zone's images in the server's order.
    public func fetchAll(zones: [String], matching query: ImageQuery) async -> [ZoneImages] {
        var images: [String: [Image]] = [:]
        // Only `body` can throw, and this one does not.
        let completions = (try? await forEachPage(zones: zones, matching: query) { zone, run in
            images[zone, default: []] += run
        }) ?? []
        return completions.map { completion in
            ZoneImages(zone: completion.zone, result: completion.result.map { paging in
                ImagePage(totalCount: paging.totalCount, images: images[completion.zone] ?? [])
            })
        }
    }

    /// One page (the `offset` and `limit` of `query`) of each of `zones`, in the order of `zones`.
    public func fetchPage(zones: [String], matching query: ImageQuery) async -> [ZoneImages] {
        let limited = LimitedImageService(service: service, limit: ConcurrencyLimit(concurrency))
        return await withTaskGroup(of: (Int, ZoneImages).self) { group in
            for (index, zone) in zones.enumerated() {
                var zoneQuery = query
                zoneQuery.zone = zone
                group.addTask {
                    do {
                        var page = try await limited.describeImages(zoneQuery)
                        for position in page.images.indices { page.images[position].zone = zone }
                        return (index, ZoneImages(zone: zone, result: .success(page)))
                    } catch {
                        return (index, ZoneImages(zone: zone, result: .failure(QingCloudError(error))))
                    }
                }
            }
            var results = [ZoneImages?](repeating: nil, count: zones.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap(\.self)
        }
    }
}

extension QingCloudError {
    /// Any error of a request as a ``QingCloudError`` (cancellation included).
    public init(_ error: any Error) {
        switch error {
        case let error as QingCloudError: self = error
        case is CancellationError: self = .cancelled
        default: self = .transport(TransportFailure(kind: .other, endpoint: "the API", detail: "\(error)"))
        }
    }
}
