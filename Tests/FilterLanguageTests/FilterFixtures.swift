import FilterLanguage
import QingCloud
import SeededRandom

/// Images for the filter tests, built field by field so that each test shows what it relies on.
enum FilterFixtures {
    static func image(
        id: String = "img-00000001",
        name: String = "",
        description: String? = nil,
        size: Int = 20,
        arch: ProcessorType = .bits64,
        os: String = "ubuntu",
        visibility: Visibility = .private,
        provider: Provider = .self,
        owner: String = "usr-1234abcd",
        status: ImageStatus = .available,
        transition: TransitionStatus? = nil,
        tags: [Tag] = []
    ) -> Image {
        Image(
            id: id, name: name, description: description, sizeGB: size, processorType: arch,
            platform: os == "windows" ? .windows : .linux, osFamily: os, visibility: visibility,
            provider: provider, owner: owner, recommendedType: "c1m1", status: status,
            transitionStatus: transition, createTime: nil, statusTime: nil, tags: tags
        )
    }

    static func tag(id: String = "tag-rj6nhkn1", name: String, key: String = "", value: String = "") -> Tag {
        Tag(id: id, name: name, key: key, value: value, color: "#c096e0", owner: "usr-1234abcd")
    }

    /// A random image for comparing fast filtering with a slow reference: names, descriptions and tags
    /// are phrases of `words` (joined with or without spaces, so that needles also span words), tag ids
    /// repeat across images (so that values are shared), and every other field is drawn at random.
    static func randomImage(_ number: Int, words: [String], osFamilies: [String],
                            random: inout SplitMix64) -> Image {
        func phrase() -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
        }
        let tags = (0..<Int.random(in: 0...2, using: &random)).map { index in
            tag(id: "tag-\(number % 9)x\(index)", name: phrase(), key: phrase(), value: phrase())
        }
        return image(
            id: "img-\(number)",
            name: phrase(),
            description: Bool.random(using: &random) ? phrase() : nil,
            size: [10, 20, 50, 100].randomElement(using: &random)!,
            arch: Bool.random(using: &random) ? .bits64 : .bits32,
            os: osFamilies.randomElement(using: &random)!,
            visibility: Bool.random(using: &random) ? .public : .private,
            owner: "usr-\(number % 7)",
            status: ImageStatus.documented.randomElement(using: &random)!,
            transition: [nil, .creating, .deleting].randomElement(using: &random)!,
            tags: tags
        )
    }

    /// A small catalogue covering every field, keyed by what makes each image distinct.
    static let catalogue: [String: Image] = [
        "ubuntu": image(id: "img-ub220401", name: "Ubuntu Server 22.04 LTS", description: "Official image", size: 20),
        "debian": image(
            id: "img-deb12abc", name: "Debian 12", size: 40, arch: .bits32, os: "debian",
            visibility: .public, provider: .system, owner: "system", status: .deprecated
        ),
        "centos": image(
            id: "img-cent7999", name: "CentOS 7.9 minimal", description: "server 22.04 compatible", size: 50,
            os: "centos", status: .deleted, transition: .recovering
        ),
        "kylin": image(
            id: "img-kylin010", name: "银河 麒麟 V10", description: "国产操作系统", size: 100, os: "kylin",
            status: .pending, transition: .creating,
            tags: [tag(id: "tag-prod0001", name: "生产", key: "env", value: "production")]
        ),
        "windows": image(
            id: "img-win2022a", name: "Windows Server 2022 Datacenter", size: 60, os: "windows",
            owner: "usr-87654321", status: .suspended,
            tags: [tag(id: "tag-rj6nhkn1", name: "Billing", key: "team", value: "finance")]
        ),
    ]

    /// The keys of the catalogue images that `text` matches, sorted.
    static func matches(_ text: String) -> [String] {
        let filter = ImageFilter.parse(text)
        return catalogue.filter { filter.matches($0.value) }.keys.sorted()
    }
}
