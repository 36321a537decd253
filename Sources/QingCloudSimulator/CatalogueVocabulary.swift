import QingCloud

/// The words the catalogue is made of: operating system releases, names people give their images,
/// descriptions, tags and their colours.
///
/// Kept apart from the generator so that what the demo shows can be read and extended in one place.
enum CatalogueVocabulary {
    /// An operating system release QingCloud offers as a system image.
    struct Release {
        let family: String
        let name: String
        let processorType: ProcessorType
        let platform: Platform
        let sizeGB: Int
        let description: String?
    }

    static let releases: [Release] = [
        linux("centos", "CentOS 7.9 64bit", "CentOS 7.9 64bit 官方镜像"),
        linux("centos", "CentOS 8.5 64bit", nil),
        linux("centos", "CentOS 6.10 32bit", bits: .bits32, "CentOS 6.10, end of life"),
        linux("centos", "CentOS Stream 9 64bit", nil),
        linux("ubuntu", "Ubuntu Server 24.04 LTS 64bit", "Ubuntu Server 24.04 LTS (Noble Numbat)"),
        linux("ubuntu", "Ubuntu Server 22.04 LTS 64bit", "Ubuntu Server 22.04 LTS (Jammy Jellyfish)"),
        linux("ubuntu", "Ubuntu Server 20.04 LTS 64bit", nil),
        linux("ubuntu", "Ubuntu Server 18.04 LTS 64bit", nil),
        linux("ubuntu", "Ubuntu Server 16.04 LTS 32bit", bits: .bits32, nil),
        linux("debian", "Debian 12 Bookworm 64bit", nil),
        linux("debian", "Debian 11 Bullseye 64bit", "Debian GNU/Linux 11"),
        linux("debian", "Debian 10 Buster 64bit", nil),
        linux("fedora", "Fedora 39 64bit", nil),
        linux("fedora", "Fedora 38 64bit", nil),
        linux("opensuse", "openSUSE Leap 15.5 64bit", nil),
        linux("rockylinux", "Rocky Linux 9.3 64bit", "Rocky Linux 9.3 (Blue Onyx)"),
        linux("rockylinux", "Rocky Linux 8.9 64bit", nil),
        linux("almalinux", "AlmaLinux 9.3 64bit", nil),
        linux("kylin", "银河麒麟高级服务器操作系统 V10 SP2", "麒麟软件 国产化服务器操作系统"),
        linux("kylin", "银河麒麟高级服务器操作系统 V10 SP3", nil),
        linux("uos", "统信UOS 服务器版 20", "统信服务器操作系统 V20 (1060e)"),
        linux("openeuler", "openEuler 22.03 LTS SP2 64bit", nil),
        linux("anolis", "Anolis OS 8.8 64bit", "龙蜥操作系统"),
        linux("freebsd", "FreeBSD 14.0 64bit", nil),
        linux("freebsd", "FreeBSD 13.2 64bit", nil),
        linux("arch", "Arch Linux 2024.01 64bit", "Rolling release, updated monthly"),
        windows("Windows Server 2022 Datacenter 64bit 中文版", sizeGB: 50, "Windows Server 2022 数据中心版"),
        windows("Windows Server 2019 Datacenter 64bit 中文版", sizeGB: 50, nil),
        windows("Windows Server 2019 Standard 64bit English", sizeGB: 50, nil),
        windows("Windows Server 2016 Datacenter 64bit English", sizeGB: 40, nil),
        windows("Windows Server 2012 R2 Standard 64bit", sizeGB: 40, "End of extended support: 2023-10-10"),
    ]

    private static func linux(
        _ family: String, _ name: String, bits: ProcessorType = .bits64, _ description: String?
    ) -> Release {
        Release(family: family, name: name, processorType: bits, platform: .linux, sizeGB: 20, description: description)
    }

    private static func windows(_ name: String, sizeGB: Int, _ description: String?) -> Release {
        Release(family: "windows", name: name, processorType: .bits64, platform: .windows, sizeGB: sizeGB,
                description: description)
    }

    /// The user a new instance of an image of this family logs in as.
    static func defaultUser(osFamily: String) -> String {
        switch osFamily {
        case "windows": "administrator"
        case "ubuntu": "ubuntu"
        case "fedora": "fedora"
        case "rockylinux": "rocky"
        case "arch": "arch"
        default: "root"
        }
    }

    /// What people call the machines they capture.
    static let roles = [
        "web", "api-gateway", "mysql-master", "mysql-slave", "redis-cache", "nginx-edge", "k8s-node",
        "jenkins-agent", "gitlab-runner", "kafka-broker", "es-data", "mongo-shard", "hadoop-worker",
        "spark-executor", "bastion", "vpn-gateway", "prometheus", "grafana", "ci-builder", "ml-gpu",
        "tomcat-app", "php-fpm", "nodejs-app", "zookeeper",
    ]

    static let stages = ["prod", "staging", "test", "dev", "golden", "base", "backup", "v2", "hardened", "canary"]

    static let chineseNames = [
        "数据库镜像-生产环境", "测试环境基础镜像", "官网服务器备份", "财务系统-主节点", "订单服务 v3.2",
        "日志采集节点", "大数据计算节点镜像", "堡垒机模板", "开发环境（张三）", "容器节点-华北",
        "支付网关 生产 灰度", "报表服务器 月末快照",
    ]

    static let shortDescriptions = [
        "Captured before the kernel upgrade",
        "Golden image with the monitoring agent preinstalled",
        "基于 CentOS 7.9 的生产环境镜像，已安装 MySQL 5.7",
        "nightly build",
        "DO NOT DELETE - used by autoscaling group asg-web",
        "快照：升级前备份",
        "Base for the data team; contains Python 3.11, CUDA 12.2",
        "",
        "migrated from pek2",
        "临时镜像，下周删除",
    ]

    static let longDescription = """
        This image is the golden base for every service in the payments platform. It contains the hardened \
        kernel parameters agreed with the security team (see ticket SEC-2211), the log shipper, the metrics \
        agent, the internal CA bundle and the deploy user with its authorised keys.
        Rebuild it with `make image` in the infra repository; never patch instances created from it in place.
        本镜像为支付平台所有服务的基础镜像，包含安全加固后的内核参数、日志采集、监控代理、内部证书及部署账号。\
        请勿在由其创建的云服务器上直接修改，如需变更请重新构建镜像并走变更流程审批。
        Known issues: the first boot takes about 90 seconds longer while cloud-init resizes the root volume; \
        NTP is pinned to the internal servers, so instances outside the VPC will drift until reconfigured.
        """

    /// A name long enough to overflow any column.
    static let longName =
        "very-long-image-name-for-the-analytics-cluster-worker-nodes-with-gpu-drivers-and-cuda-toolkit-"
        + "preinstalled-captured-after-the-quarterly-security-patch-round-2024-q2-do-not-use-for-web"

    static let longChineseName = "华东区域大数据平台离线计算集群工作节点镜像（含GPU驱动、CUDA工具包及安全加固配置，2024年第二季度补丁后捕获）"

    static let recommendedTypes = ["small_b", "medium_b", "large_b", "c1m1", "c1m2", "c2m4", "c4m8", "c8m16", "e2.large"]

    static let selfImageSizes = [20, 20, 20, 30, 40, 50, 50, 80, 100, 100, 150, 200, 300, 500]

    /// Tags: (key, value, colour); the tag name is `key` when the value is empty, else `key:value`.
    static let tags: [(key: String, value: String, color: String)] = [
        ("production", "", "#f56c6c"),
        ("staging", "", "#e6a23c"),
        ("env", "prod", "#c096e0"),
        ("env", "test", "#67c23a"),
        ("测试环境", "", "#409eff"),
        ("数据库", "", "#909399"),
        ("team", "payments", "#ff7ab3"),
        ("backup", "", "#2ec4b6"),
        ("golden-image", "", "#ffb400"),
        ("财务系统", "核心", "#8d6e63"),
        ("k8s", "", "#326ce5"),
    ]

    /// A tag whose key and value carry control sequences, put on a few images.
    static let hostileTag = (key: "alert\u{1B}]52;c;cm0gLXJmIC8K\u{07}\u{1B}[2J", value: "\u{202E}dorp", color: "#000000")

    /// Lowercase letters and digits, the alphabet of resource ids.
    static let idAlphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
}
