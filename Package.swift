// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "qcimages",
    products: [
        .executable(name: "qcimages", targets: ["qcimages"]),
        .library(name: "QingCloud", targets: ["QingCloud"]),
        .library(name: "QingCloudSimulator", targets: ["QingCloudSimulator"]),
        .library(name: "TerminalVocabulary", targets: ["TerminalVocabulary"]),
        .library(name: "FilterLanguage", targets: ["FilterLanguage"]),
        .library(name: "ImageBrowser", targets: ["ImageBrowser"]),
        .library(name: "UserSettings", targets: ["UserSettings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
    ],
    targets: [
        // The JSON engine: a scanner that reads RFC 8259 without building a tree, JSON values and texts, the
        // JSONEncoder-exact pretty printer, lone-surrogate repair. Depends on nothing.
        .target(name: "JSONEngine"),
        // A seedable random number generator that gives the same numbers everywhere: the simulator's
        // catalogue and lifecycle, and the tests' random inputs.
        .target(name: "SeededRandom"),
        .target(
            name: "QingCloud",
            dependencies: [
                "JSONEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSOCKS", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .target(
            name: "QingCloudSimulator",
            dependencies: [
                "QingCloud",
                "JSONEngine",
                "SeededRandom",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        // Frames, cells, styles, keys, display width and sanitising: what the browser draws with and the
        // terminal layer draws.
        .target(name: "TerminalVocabulary"),
        // The filter language: parser, index and matching over the client's `Image`.
        .target(name: "FilterLanguage", dependencies: ["QingCloud"]),
        .target(
            name: "ImageBrowser",
            dependencies: ["QingCloud", "JSONEngine", "TerminalVocabulary", "FilterLanguage"]
        ),
        // qcimages' own settings file (~/.config/qcimages/config.yaml): read with every problem named by
        // file and line, changed section by section and written atomically.
        .target(
            name: "UserSettings",
            dependencies: ["QingCloud", .product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(name: "CNcurses"),
        .target(name: "CSignals"),
        .target(
            name: "CursesTerminal",
            dependencies: ["CNcurses", "CSignals", "ImageBrowser", "TerminalVocabulary", "QingCloud"]
        ),
        .executableTarget(
            name: "qcimages",
            dependencies: [
                "QingCloud",
                "JSONEngine",
                "QingCloudSimulator",
                "ImageBrowser",
                "CursesTerminal",
                "TerminalVocabulary",
                "UserSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "qcimages-benchmarks",
            dependencies: ["QingCloud", "QingCloudSimulator", "ImageBrowser", "FilterLanguage", "JSONEngine", "TerminalVocabulary"]
        ),
        .testTarget(
            name: "QingCloudTests",
            dependencies: [
                "QingCloud", "JSONEngine", "SeededRandom", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "QingCloudSimulatorTests",
            dependencies: [
                "QingCloud", "QingCloudSimulator", "JSONEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .testTarget(name: "UserSettingsTests", dependencies: ["UserSettings", "QingCloud", "TerminalVocabulary"]),
        .testTarget(name: "TerminalVocabularyTests", dependencies: ["TerminalVocabulary", "SeededRandom"]),
        .testTarget(name: "FilterLanguageTests", dependencies: ["FilterLanguage", "QingCloud", "SeededRandom"]),
        .testTarget(
            name: "ImageBrowserTests",
            dependencies: [
                "ImageBrowser", "QingCloud", "JSONEngine", "QingCloudSimulator", "TerminalVocabulary", "FilterLanguage",
                "CursesTerminal", "SeededRandom",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CursesTerminalTests",
            dependencies: ["CursesTerminal", "CNcurses", "ImageBrowser", "TerminalVocabulary", "QingCloud", "QingCloudSimulator"]
        ),
        .testTarget(
            name: "qcimagesTests",
            dependencies: [
                "qcimages", "QingCloud", "JSONEngine", "QingCloudSimulator", "TerminalVocabulary", "ImageBrowser", "UserSettings",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
