/// A zone of a QingCloud deployment as DescribeZones lists it: where images live, and whether it serves.
public struct Zone: Sendable, Hashable {
    /// The zone id (`pek3a`), or a region id (`gd2`) when the deployment lists regions.
    public var id: String
    public var status: ZoneStatus

    public init(id: String, status: ZoneStatus) {
        self.id = id
        self.status = status
    }
}

/// The status of a zone in DescribeZones.
public enum ZoneStatus: OpenEnum {
    case active, faulty, defunct
    case other(String)

    public static let documented: [ZoneStatus] = [.active, .faulty, .defunct]

    public var rawValue: String {
        switch self {
        case .active: "active"
        case .faulty: "faulty"
        case .defunct: "defunct"
        case .other(let value): value
        }
    }

    public init(rawValue: String) { self.init(apiValue: rawValue) }
}
