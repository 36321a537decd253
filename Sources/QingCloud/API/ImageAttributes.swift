/// The lifecycle state of an image (`status` in the API).
public enum ImageStatus: OpenEnum {
    case pending, available, deprecated, suspended, deleted, ceased
    case other(String)

    public static let documented: [ImageStatus] = [.pending, .available, .deprecated, .suspended, .deleted, .ceased]

    /// How long a deleted image can still be recovered, in seconds, after which it is ceased (two hours).
    public static let recoveryWindowSeconds = 7200

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .available: "available"
        case .deprecated: "deprecated"
        case .suspended: "suspended"
        case .deleted: "deleted"
        case .ceased: "ceased"
        case .other(let value): value
        }
    }
}

/// The operation an image is going through (`transition_status`; the API sends `""` when idle).
public enum TransitionStatus: OpenEnum {
    case creating, suspending, resuming, deleting, recovering
    case other(String)

    public static let documented: [TransitionStatus] = [.creating, .suspending, .resuming, .deleting, .recovering]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .creating: "creating"
        case .suspending: "suspending"
        case .resuming: "resuming"
        case .deleting: "deleting"
        case .recovering: "recovering"
        case .other(let value): value
        }
    }
}

/// The processor architecture an image supports (`processor_type`).
public enum ProcessorType: OpenEnum {
    case bits64, bits32
    case other(String)

    public static let documented: [ProcessorType] = [.bits64, .bits32]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .bits64: "64bit"
        case .bits32: "32bit"
        case .other(let value): value
        }
    }
}

/// The operating system platform of an image (`platform`).
public enum Platform: OpenEnum {
    case linux, windows
    case other(String)

    public static let documented: [Platform] = [.linux, .windows]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .linux: "linux"
        case .windows: "windows"
        case .other(let value): value
        }
    }
}

/// Who can see an image (`visibility`).
public enum Visibility: OpenEnum {
    case `public`, `private`
    case other(String)

    public static let documented: [Visibility] = [.public, .private]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .public: "public"
        case .private: "private"
        case .other(let value): value
        }
    }
}

/// Who made an image (`provider`): QingCloud itself (`system`) or the account (`self`).
public enum Provider: OpenEnum {
    case system, `self`
    case other(String)

    public static let documented: [Provider] = [.system, .self]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .system: "system"
        case .self: "self"
        case .other(let value): value
        }
    }
}
