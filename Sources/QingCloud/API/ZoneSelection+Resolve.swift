extension ZoneSelection {
    /// The zones to fetch: the listed ones, or every active zone DescribeZones lists, in its order.
    public func resolve(listing: () async throws(QingCloudError) -> [Zone]) async throws(QingCloudError) -> [String] {
        try await resolveNamingFaulty(listing: listing).zones
    }

    /// The zones to fetch, as ``resolve(listing:)``, and for `all` the zones DescribeZones lists as
    /// faulty, which are skipped but named (in its order, once each).
    public func resolveNamingFaulty(listing: () async throws(QingCloudError) -> [Zone]) async throws(QingCloudError)
        -> (zones: [String], faulty: [String]) {
        if let ids { return (ids, []) }
        let listed = try await listing()
        func unique(_ status: ZoneStatus) -> [String] {
            var ids: [String] = []
            for zone in listed where zone.status == status && !ids.contains(zone.id) { ids.append(zone.id) }
            return ids
        }
        return (unique(.active), unique(.faulty))
    }
}
