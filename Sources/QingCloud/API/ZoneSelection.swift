/// The zones to show, as `-z`, `QINGCLOUD_ZONES` or the config file's `zones` give them: every active zone
/// of the account, or a list.
///
/// Zone and region ids (`pek3a`, `gd2`) are passed to the API as given (lowercased); only their spelling is
/// checked here, the API says whether it knows them.
public enum ZoneSelection: Sendable, Hashable, CustomStringConvertible {
    /// Every zone DescribeZones lists as active.
    case all
    /// These zones, in this order, without repeats; never empty.
    case zones([String])

    /// Reads `all`, or ids separated by commas (spaces around them are ignored).
    public init(parsing text: String) throws(ZoneSelectionError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "all" {
            self = .all
            return
        }
        try self.init(list: trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    /// Reads a list of ids (a YAML sequence); `all` is accepted as the only element.
    public init(list: [String]) throws(ZoneSelectionError) {
        let ids = list.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if ids == ["all"] {
            self = .all
            return
        }
        var unique: [String] = []
        for id in ids {
            guard !id.isEmpty else { throw .empty }
            guard id != "all" else { throw .allInList }
            guard id.allSatisfy(Self.allowed.contains), id.first?.isLetter == true,
                  ZoneName.problem(id) == nil else { throw .badID(id) }
            if !unique.contains(id) { unique.append(id) }
        }
        guard !unique.isEmpty else { throw .empty }
        self = .zones(unique)
    }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")

    /// The zones listed, or nil for ``all``.
    public var ids: [String]? {
        switch self {
        case .all: nil
        case .zones(let ids): ids
        }
    }

    /// Whether more than one zone may be shown (so that each image needs its zone next to it).
    public var isMultiple: Bool { ids.map { $0.count > 1 } ?? true }

    public var description: String { ids?.joined(separator: ",") ?? "all" }
}

/// A zone list that cannot be right, as one line.
public enum ZoneSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case badID(String)
    case allInList

    public var description: String {
        switch self {
        case .empty: "expected zone ids separated by commas (e.g. pek3a,sh1a) or all, with none empty"
        case .badID(let id): "\(id.debugDescription) is not a zone id (e.g. pek3a, gd2); use commas between zones, or all"
        case .allInList: "all stands alone (every active zone), not in a list of zones"
        }
    }
}
