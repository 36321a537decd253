import Foundation
import QingCloud

/// What uses an image: asking DescribeInstances for the detail pane's "Used by" and the INSTANCES
/// column, once the selection and the list stand still, and keeping the answers one refresh interval.
extension BrowserState {
    /// How long an answer is kept before it is asked again when shown: one refresh interval.
    var instanceAnswerLifetime: TimeInterval {
        (options.refreshInterval ?? Browser.instanceAnswerLifetimeWithoutRefresh).timeInterval
    }

    /// The selected image, when the detail pane shows it and has no fresh answer about it, nor one on its way.
    func detailKeyToAsk(now: Date, geometry: ViewGeometry) -> String? {
        guard geometry.layout.detail != nil, let key = selectedKey, !usage.isAskingDetail(key) else { return nil }
        if let entry = usage.details[key], now.timeIntervalSince(entry.at) < instanceAnswerLifetime { return nil }
        return key
    }

    /// The images on screen whose INSTANCES count is wanted: none fresh, none on its way.
    func countKeysToAsk(now: Date, geometry: ViewGeometry) -> [String] {
        guard geometry.columns.contains(where: { $0.column == .instances }) else { return [] }
        return listSlots.dropFirst(scrollTop).prefix(geometry.listRows).map(catalog.key(at:)).filter { key in
            if let count = usage.counts[key], now.timeIntervalSince(count.at) < instanceAnswerLifetime { return false }
            return !usage.isCounting(key)
        }
    }

    /// When the detail pane's answer about the selected image runs out, so that it is asked again while
    /// still shown; nil without the pane or an answer.
    func instanceAnswerExpiry() -> Date? {
        guard geometry.layout.detail != nil, let key = selectedKey, let entry = usage.details[key] else { return nil }
        return entry.at.addingTimeInterval(instanceAnswerLifetime)
    }

    /// Sets the debounce timer when the screen wants an answer, again each time the selection or the
    /// list moves, so that a burst of moves asks once, for where it stopped.
    mutating func scheduleInstanceQuestions(now: Date, _ effects: inout [BrowserEffect]) {
        let geometry = self.geometry
        guard detailKeyToAsk(now: now, geometry: geometry) != nil || !countKeysToAsk(now: now, geometry: geometry).isEmpty
        else { return }
        let snapshot = InstanceUsage.Snapshot(selectedKey: selectedKey, scrollTop: scrollTop)
        guard usage.waitingFor != snapshot else { return }
        usage.waitingFor = snapshot
        usage.generation += 1
        effects.append(.schedule(BrowserTimer(.instances, generation: usage.generation), after: Browser.instanceDebounce))
    }

    /// The debounce timer fired: asks about the selected image and counts the visible rows' instances,
    /// one request per zone.
    mutating func askAboutInstances(now: Date, _ effects: inout [BrowserEffect]) {
        usage.waitingFor = nil
        let geometry = self.geometry
        if let key = detailKeyToAsk(now: now, geometry: geometry), let image = catalog.image(forKey: key) {
            let id = newRequestID()
            usage.inFlight[id] = .detail(key: key)
            effects.append(.describeInstances(id, InstanceQuery(
                imageIDs: [image.id], limit: InstanceUsage.listed, zone: image.zone.flatMap(options.requestZone))))
        }
        let keys = countKeysToAsk(now: now, geometry: geometry)
        let byZone = Dictionary(grouping: keys.compactMap(catalog.image(forKey:)), by: { $0.zone })
        for zone in byZone.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            let images = byZone[zone] ?? []
            let id = newRequestID()
            usage.inFlight[id] = .counts(keysByID: Dictionary(images.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first }))
            effects.append(.countInstances(id, imageIDs: images.map(\.id), zone: zone.flatMap(options.requestZone)))
        }
    }

    /// The answer about one image's users: its count and first few, or why it is unknown.
    mutating func handleInstances(_ id: RequestID, _ result: Result<InstancePage, QingCloudError>, now: Date) {
        guard case .detail(let key)? = usage.inFlight.removeValue(forKey: id) else { return }
        let answer: InstanceUsage.Answer = switch result {
        case .success(let page):
            .known(total: page.totalCount, first: page.instances.prefix(InstanceUsage.listed).map(InstanceUsage.UsingInstance.init))
        case .failure(let error):
            .unknown(reason: InstanceUsage.reason(error))
        }
        usage.details[key] = InstanceUsage.Entry(answer: answer, at: now)
        usage.revision += 1
    }

    /// The INSTANCES column's counts for the rows asked about; nil counts (drawn `?`) when the request failed.
    mutating func handleInstanceCounts(_ id: RequestID, _ result: Result<[String: Int], QingCloudError>, now: Date) {
        guard case .counts(let keysByID)? = usage.inFlight.removeValue(forKey: id) else { return }
        for (imageID, key) in keysByID {
            usage.counts[key] = InstanceUsage.Count(count: (try? result.get())?[imageID], at: now)
        }
    }
}
