import Foundation
import QingCloud
@testable import ImageBrowser
import TerminalVocabulary

/// A catalogue that exercises the renderer: CJK and emoji names, escape sequences and bidi controls
/// from hostile users, every status, a transition, a deleted image inside its recovery window, tags.
enum RenderFixtures {
    static let now = Fixtures.now

    static func tag(_ name: String, _ color: String, key: String = "", value: String = "") -> Tag {
        Tag(id: "tag-\(name.unicodeScalars.count)", name: name, key: key, value: value, color: color, owner: "usr-fixture1")
    }

    static func image(
        _ id: String, _ name: String, status: ImageStatus = .available, transition: TransitionStatus? = nil,
        os: String = "ubuntu", size: Int = 20, visibility: Visibility = .private, provider: Provider = .self,
        hoursOld: Double, statusMinutesAgo: Double = 600, description: String? = nil, tags: [Tag] = [],
        platform: Platform = .linux
    ) -> Image {
        Image(
            id: id, name: name, description: description, sizeGB: size, processorType: .bits64, platform: platform,
            osFamily: os, visibility: visibility, provider: provider,
            owner: provider == .system ? "system" : "usr-fixture1", recommendedType: "c1m1",
            status: status, transitionStatus: transition, createTime: now.addingTimeInterval(-hoursOld * 3600),
            statusTime: now.addingTimeInterval(-statusMinutesAgo * 60), tags: tags
        )
    }

    static let images: [Image] = [
        image("img-w3bf0g1d", "web-frontend-golden-2024-06", status: .pending, transition: .creating,
              hoursOld: 0.2, statusMinutesAgo: 12, tags: [tag("prod", "#c096e0", key: "env", value: "prod")]),
        image("img-ky10sp3a", "银河麒麟高级服务器操作系统 V10 SP3 (Kylin)", os: "kylin", size: 40, hoursOld: 5,
              description: "国产操作系统镜像，预装常用运维工具。\nMaintained by the platform team; rebuilt weekly with security fixes applied.",
              tags: [tag("信创", "#e0534a"), tag("web", "#5aa0e6", key: "tier", value: "frontend")]),
        image("img-db0bak03", "db-backup-node-03", status: .deleted, os: "centos", size: 100, hoursOld: 30,
              statusMinutesAgo: 40, description: "Nightly snapshot of the billing database."),
        image("img-ev1l0esc", "evil\u{1B}[2J\u{1B}]0;pwned\u{07}name\r\nline2", os: "debian", hoursOld: 50,
              description: "\u{1B}]52;c;ZXZpbA==\u{07}clipboard \u{9B}31m C1 CSI",
              tags: [tag("x\u{1B}[31mred", "#ff0000")]),
        image("img-b1d10rlo", "invoice-\u{202E}fdp.exe", os: "windows", size: 50, hoursOld: 70, platform: .windows),
        image("img-r0cket01", "emoji 🚀 launcher", os: "fedora", size: 30, hoursOld: 100),
        image("img-susp0nd1", "suspended-arrears-image", status: .suspended, os: "centos", hoursOld: 200),
        image("img-resum1ng", "resuming-after-payment", status: .suspended, transition: .resuming, os: "ubuntu",
              hoursOld: 300),
        image("img-w2012r2d", "legacy-win2012-datacenter", status: .deprecated, os: "windows", size: 60,
              visibility: .public, provider: .system, hoursOld: 24 * 400, platform: .windows),
        image("img-l0ngname", "a-very-long-image-name-that-will-certainly-not-fit-in-any-reasonable-column-width",
              hoursOld: 24 * 40),
        image("centos79x64c", "CentOS 7.9 64bit", os: "centos", visibility: .public, provider: .system,
              hoursOld: 24 * 800),
        image("jammy2204x64", "Ubuntu Server 22.04 LTS 64bit", visibility: .public, provider: .system,
              hoursOld: 24 * 900),
        image("img-ceas3d01", "ceased-old-build", status: .ceased, os: "debian", hoursOld: 24 * 1000),
    ]

    /// A browser with the whole catalogue loaded, the selection on `selecting`.
    static func harness(size: TerminalSize, selecting id: String? = nil, total: Int? = nil, demo: Bool = false,
                        showsInstanceCount: Bool = false) -> Harness {
        var harness = Harness(images: images, size: size, demo: demo, showsInstanceCount: showsInstanceCount)
        harness.answerNext(with: .success(ImagePage(totalCount: total ?? images.count, images: images)))
        harness.pending.removeAll()
        if let id {
            while harness.selectedKey != id, harness.state.selectedIndex.map({ $0 < harness.state.listSlots.count - 1 }) ?? false {
                harness.press(.down)
            }
        }
        return harness
    }
}
