import AsyncAlgorithms

/// How one zone's streamed read ended: how its paging completed, or why the zone could not be read (after
/// the images it handed on before failing).
public struct ZoneCompletion: Sendable, Hashable {
    public var zone: String
    public var result: Result<ImagePager.Completion, QingCloudError>

    public init(zone: String, result: Result<ImagePager.Completion, QingCloudError>) {
        self.zone = zone
        self.result = result
    }
}

extension ZonePager {
    /// Every image matching `query` (its `zone`, `offset` and `limit` are ignored) in each of `zones`,
    /// handed to `body` zone after zone in the order of `zones`, each zone's images in the server's order
    /// and tagged with the zone, as soon as they join what came before.
    ///
    /// The zones are read side by side under the one bound of ``concurrency``, but a zone that `body` has
    /// not reached yet waits once it has a run of images ready: what is held at any time is a few pages per
    /// zone, not the whole listing. Returns how each zone ended, in the order of `zones`; a failing zone
    /// never stops the others. Throws only what `body` throws (the reads still running are cancelled).
    public func forEachPage(zones: [String], matching query: ImageQuery,
                            _ body: (_ zone: String, _ images: [Image]) async throws -> Void) async throws -> [ZoneCompletion] {
        let pager = ImagePager(service: LimitedImageService(service: service, limit: ConcurrencyLimit(concurrency)),
                               concurrency: concurrency)
        let channels = zones.map { _ in AsyncChannel<ZoneRead>() }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for (zone, channel) in zip(zones, channels) {
                var zoneQuery = query
                zoneQuery.zone = zone
                group.addTask {
                    let end: ZoneRead
                    do {
                        let completion = try await pager.forEachPage(matching: zoneQuery) { images, _ in
                            await channel.send(.images(images.map { image in
                                var tagged = image
                                tagged.zone = zone
                                return tagged
                            }))
                            try Task.checkCancellation()
                        }
                        end = .completed(completion)
                    } catch {
                        end = .failed(QingCloudError(error))
                    }
                    await channel.send(end)
                    channel.finish()
                }
            }
            var completions: [ZoneCompletion] = []
            do {
                for (zone, channel) in zip(zones, channels) {
                    for await read in channel {
                        switch read {
                        case .images(let images): try await body(zone, images)
                        case .completed(let completion): completions.append(ZoneCompletion(zone: zone, result: .success(completion)))
                        case .failed(let error): completions.append(ZoneCompletion(zone: zone, result: .failure(error)))
                        }
                    }
                }
            } catch {
                group.cancelAll()
                for channel in channels { channel.finish() }
                throw error
            }
            return completions
        }
    }
}

/// What a zone's reader hands over: a run of images, then how the zone ended.
private enum ZoneRead: Sendable {
    case images([Image])
    case completed(ImagePager.Completion)
    case failed(QingCloudError)
}
