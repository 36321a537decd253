import Foundation
import JSONEngine
import QingCloud
import SeededRandom
import Synchronization

/// The instances a simulated zone runs, for DescribeInstances: a seeded set per image, so that some
/// images are used by none and some by several (the question "can I delete this image?" has both
/// answers), with one of every documented status and hostile names among them.
///
/// Drawn from each image's id (which the catalogue seed fixed), so a zone's instances are the same on
/// every run. Instances do not change over time; each one's JSON is encoded once.
final class InstanceCatalogue: Sendable {
    /// One instance as the catalogue holds it: what the filters look at, and its JSON object.
    struct Entry: Sendable {
        let id: String
        let searchableName: [UInt8]
        let status: String
        let imageID: String
        let instanceType: String
        let createTime: Int64
        let json: [UInt8]
    }

    /// In listing order: newest `create_time` first, then `instance_id`.
    let entries: [Entry]

    /// The instance statuses DescribeInstances documents; `ceased` is left out unless asked for.
    static let statuses = ["pending", "running", "stopped", "suspended", "terminated", "ceased"]

    /// Instance types with their vCPUs and memory (MB).
    private static let types: [(name: String, vcpus: Int, memory: Int)] = [
        ("s1.small.r1", 1, 1024), ("s1.medium.r2", 2, 4096), ("c1m2", 1, 2048), ("c2m4", 2, 4096),
        ("c4m8", 4, 8192), ("e2.large.r1", 2, 4096), ("e2.2xlarge.r2", 8, 32768),
    ]
    private static let names = ["web", "api", "db-master", "db-replica", "cache", "worker", "jenkins", "k8s-node",
                                "跳板机", "测试环境", "生产-订单服务", "数据分析"]

    init(world: ImageWorld) {
        var usedIDs: Set<String> = []
        var entries: [Entry] = []
        var showcase = 0
        for imageEntry in world.entries where imageEntry.appearance == nil && imageEntry.initialState.phase.status != .pending {
            let image = imageEntry.image
            var random = SplitMix64(seed: 0x494E_5354_414E_4345, stream: LifecyclePlanner.stream(image.id))
            let count: Int
            switch random.int(in: 0...99) {
            case 0..<55: count = 0
            case 55..<85: count = 1
            case 85..<95: count = random.int(in: 2...4)
            default: count = random.int(in: 5...12)
            }
            for index in 0..<count {
                var id: String
                repeat {
                    id = "i-" + String((0..<8).map { _ in random.pick(CatalogueVocabulary.idAlphabet) })
                } while !usedIDs.insert(id).inserted
                // The first instances show one of every status and every hostile name; the rest are drawn.
                let status = showcase < Self.statuses.count ? Self.statuses[showcase]
                    : random.pick(weighted: [(70, "running"), (18, "stopped"), (2, "pending"), (3, "suspended"),
                                             (4, "terminated"), (3, "ceased")])
                let name = showcase < HostileText.samples.count ? HostileText.samples[showcase]
                    : random.pick(Self.names) + "-\(index + 1)"
                showcase += 1
                let imageCreated = Int64((image.createTime ?? Date(timeIntervalSince1970: TimeInterval(world.epoch))).timeIntervalSince1970)
                let span = max(60, world.epoch - imageCreated)
                let created = imageCreated + random.int64(in: 1...span)
                let statusTime = created + random.int64(in: 0...max(0, world.epoch - created))
                let type = random.pick(Self.types)
                let instance = Instance(
                    id: id, name: name, description: random.chance(0.3) ? "\(image.name) 上的实例" : nil,
                    status: InstanceStatus(apiValue: status), transitionStatus: status == "pending" ? "creating" : "",
                    instanceType: type.name, vcpus: type.vcpus, memoryMB: type.memory,
                    createTime: CatalogueGenerator.date(created), statusTime: CatalogueGenerator.date(statusTime),
                    imageID: image.id, imageName: image.name)
                entries.append(Entry(
                    id: id, searchableName: Array(name.lowercased().utf8), status: status, imageID: image.id,
                    instanceType: type.name, createTime: created,
                    json: Self.json(instance, image: image, random: &random)))
            }
        }
        entries.sort { $0.createTime != $1.createTime ? $0.createTime > $1.createTime : $0.id < $1.id }
        self.entries = entries
    }

    /// The object DescribeInstances sends for an instance: the fields the reference lists.
    private static func json(_ instance: Instance, image: Image, random: inout SplitMix64) -> [UInt8] {
        func suffix() -> String { String((0..<8).map { _ in random.pick(CatalogueVocabulary.idAlphabet) }) }
        var json = JSONWriter(capacity: 1024)
        json.raw("{"); json.key("instance_id"); json.string(instance.id)
        json.raw(","); json.key("instance_name"); json.string(instance.name)
        json.raw(","); json.key("description"); json.value(instance.description.map(JSONValue.string) ?? .null)
        json.raw(","); json.key("status"); json.string(instance.status.rawValue)
        json.raw(","); json.key("transition_status"); json.string(instance.transitionStatus)
        json.raw(","); json.key("instance_type"); json.string(instance.instanceType)
        json.raw(","); json.key("vcpus_current"); json.integer(instance.vcpus)
        json.raw(","); json.key("memory_current"); json.integer(instance.memoryMB)
        json.raw(","); json.key("create_time"); json.string(APITimestamp.format(instance.createTime ?? .distantPast))
        json.raw(","); json.key("status_time"); json.string(APITimestamp.format(instance.statusTime ?? .distantPast))
        json.raw(","); json.key("sub_code"); json.integer(0)
        json.raw(","); json.key("image"); json.raw("{")
        json.key("image_id"); json.string(image.id)
        json.raw(","); json.key("image_name"); json.string(image.name)
        json.raw(","); json.key("os_family"); json.string(image.osFamily)
        json.raw(","); json.key("platform"); json.string(image.platform.rawValue)
        json.raw(","); json.key("processor_type"); json.string(image.processorType.rawValue)
        json.raw(","); json.key("image_size"); json.integer(image.sizeGB)
        json.raw(","); json.key("provider"); json.string(image.provider.rawValue)
        json.raw("}"); json.raw(","); json.key("vxnets"); json.raw("[{")
        json.key("vxnet_id"); json.string("vxnet-" + suffix())
        json.raw(","); json.key("vxnet_name"); json.string("primary")
        json.raw(","); json.key("private_ip"); json.string("192.168.\(random.int(in: 0...255)).\(random.int(in: 2...254))")
        json.raw(","); json.key("nic_id"); json.string("52:54:" + (0..<4).map { _ in String(format: "%02x", random.int(in: 0...255)) }.joined(separator: ":"))
        json.raw("}]"); json.raw(","); json.key("eip"); json.raw("{")
        let hasEIP = random.chance(0.4)
        json.key("eip_id"); json.string(hasEIP ? "eip-" + suffix() : "")
        json.raw(","); json.key("eip_addr"); json.string(hasEIP ? "139.198.\(random.int(in: 0...255)).\(random.int(in: 1...254))" : "")
        json.raw(","); json.key("bandwidth"); json.integer(hasEIP ? random.pick([1, 2, 5, 10]) : 0)
        json.raw("}"); json.raw(","); json.key("volume_ids"); json.raw("[")
        if random.chance(0.3) { json.string("vol-" + suffix()) }
        json.raw("]"); json.raw(","); json.key("keypair_ids"); json.raw("[")
        json.string("kp-" + suffix())
        json.raw("]"); json.raw(","); json.key("security_group"); json.raw("{")
        json.key("security_group_id"); json.string("sg-" + suffix())
        json.raw(","); json.key("is_default"); json.integer(1)
        json.raw("}"); json.raw(","); json.key("tags"); json.raw("[]}")
        return json.bytes
    }
}

/// Each zone's ``InstanceCatalogue``, built the first time DescribeInstances asks about the zone, so that
/// a simulator nobody asks about instances does not pay for them.
final class InstanceWorlds: Sendable {
    private let built = Mutex<[String: InstanceCatalogue]>([:])

    func catalogue(zone: String, world: ImageWorld) -> InstanceCatalogue {
        if let catalogue = built.withLock({ $0[zone] }) { return catalogue }
        let catalogue = InstanceCatalogue(world: world)
        return built.withLock { built in
            if let existing = built[zone] { return existing }
            built[zone] = catalogue
            return catalogue
        }
    }
}
