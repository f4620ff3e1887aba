// swift-tools-version: 6.2
import PackageDescription

let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Lodestar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lodestar", targets: ["lodestar"]),
        .library(name: "MatchingSolvers", targets: ["MatchingSolvers"]),
        .library(name: "LodestarCore", targets: ["LodestarCore"]),
        .library(name: "LodestarStore", targets: ["LodestarStore"]),
        .library(name: "LodestarServer", targets: ["LodestarServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // The reference the pages' own template reader is tested against (tests only).
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // The solvers and the scoring run optimised in debug builds too: the tests plan cohorts of
        // thousands, which unoptimised code takes minutes over.
        .target(name: "MatchingSolvers", swiftSettings: optimisedInDebug),
        .target(
            name: "LodestarCore",
            dependencies: ["MatchingSolvers", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: optimisedInDebug
        ),
        .target(
            name: "LodestarStore",
            dependencies: [
                "LodestarCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LodestarServer",
            dependencies: [
                "LodestarCore",
                "LodestarStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates"), .copy("Assets"), .copy("openapi.yaml")],
            // The API's routes and types are generated from openapi.yaml, so they cannot drift from it.
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "lodestar",
            dependencies: [
                "MatchingSolvers",
                "LodestarCore",
                "LodestarStore",
                "LodestarServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "LodestarTestSupport",
            dependencies: [
                "LodestarCore", "LodestarStore", "LodestarServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/LodestarTestSupport"
        ),
        .testTarget(name: "MatchingSolversTests", dependencies: ["MatchingSolvers"]),
        .testTarget(name: "LodestarCoreTests", dependencies: ["LodestarCore", "MatchingSolvers", "LodestarTestSupport"]),
        .testTarget(name: "LodestarStoreTests", dependencies: ["LodestarStore", "LodestarServer", "LodestarTestSupport"]),
        .testTarget(
            name: "LodestarServerTests",
            dependencies: [
                "LodestarServer", "LodestarTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "lodestarTests", dependencies: ["lodestar", "LodestarCore", "LodestarStore", "LodestarTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
