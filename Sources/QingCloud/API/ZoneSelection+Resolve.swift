extension ZoneSelection {
    /// The zones to fetch: the listed ones, or every active zone DescribeZones lists, in its order.
    public func resolve(listing: () async throws(QingCloudError) -> [Zone]) async throws(QingCloudError) -> [String] {
        if let ids { return ids }
        let active = try await listing().filter { $0.status == .active }.map(\.id)
        var unique: [String] = []
        for id in active where !unique.contains(id) { unique.append(id) }
        return unique
    }
}
