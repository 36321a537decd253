import Foundation

/// An instance as DescribeInstances describes it: what a reader needs to tell what uses an image (its
/// id, name, status) and a little more to show (type, size, times).
///
/// The API sends more (networks, EIP, volumes, key pairs, security group, tags); they are not kept.
public struct Instance: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
    public var status: InstanceStatus
    /// The operation in progress (`creating`, `starting`, `stopping`...), empty when idle.
    public var transitionStatus: String
    public var instanceType: String
    /// `vcpus_current`.
    public var vcpus: Int
    /// `memory_current`, in MB.
    public var memoryMB: Int
    public var createTime: Date?
    public var statusTime: Date?
    /// The image the instance was created from (`image.image_id`).
    public var imageID: String
    public var imageName: String

    public init(id: String, name: String, description: String? = nil, status: InstanceStatus,
                transitionStatus: String = "", instanceType: String = "", vcpus: Int = 0, memoryMB: Int = 0,
                createTime: Date? = nil, statusTime: Date? = nil, imageID: String, imageName: String = "") {
        self.id = id
        self.name = name
        self.description = description
        self.status = status
        self.transitionStatus = transitionStatus
        self.instanceType = instanceType
        self.vcpus = vcpus
        self.memoryMB = memoryMB
        self.createTime = createTime
        self.statusTime = statusTime
        self.imageID = imageID
        self.imageName = imageName
    }
}

/// An instance's `status`.
public enum InstanceStatus: OpenEnum {
    case pending, running, stopped, suspended, terminated, ceased
    case other(String)

    public static let documented: [InstanceStatus] = [.pending, .running, .stopped, .suspended, .terminated, .ceased]

    public init(rawValue: String) { self.init(apiValue: rawValue) }

    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .running: "running"
        case .stopped: "stopped"
        case .suspended: "suspended"
        case .terminated: "terminated"
        case .ceased: "ceased"
        case .other(let value): value
        }
    }
}
