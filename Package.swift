// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Arbiter",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "arbiter", targets: ["arbiter"]),
        .executable(name: "arbiter-bench", targets: ["arbiter-bench"]),
        .library(name: "ArbiterCore", targets: ["ArbiterCore"]),
        .library(name: "ArbiterYAML", targets: ["ArbiterYAML"]),
        .library(name: "ArbiterReport", targets: ["ArbiterReport"]),
        .library(name: "ArbiterEngine", targets: ["ArbiterEngine"]),
        .library(name: "ArbiterServer", targets: ["ArbiterServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // glibc's `mallopt`, for the batch runner's heap tuning (see HeapTuning.swift).
        .systemLibrary(name: "CMalloc"),
        .target(name: "ArbiterCore"),
        .target(name: "ArbiterYAML", dependencies: ["ArbiterCore", "CYAML"]),
        .target(name: "ArbiterReport", dependencies: ["ArbiterCore"]),
        // The one scoring pipeline every runner calls (see ScoringSession).
        .target(name: "ArbiterEngine", dependencies: ["ArbiterCore", "ArbiterYAML"]),
        // `arbiter serve`: the same pipeline over HTTP (Hummingbird 2).
        .target(
            name: "ArbiterServer",
            dependencies: [
                "ArbiterCore", "ArbiterYAML", "ArbiterReport", "ArbiterEngine", "CMalloc",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "arbiter",
            dependencies: [
                "ArbiterCore", "ArbiterYAML", "ArbiterReport", "ArbiterEngine", "ArbiterServer", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: generates a corpus and measures every stage against libyaml's own
        // event loop. Not part of the shipped tool.
        .executableTarget(name: "arbiter-bench", dependencies: ["ArbiterCore", "ArbiterYAML"]),
        // `make fuzz`: generated HTTP requests against the service and generated folder
        // trees through the walk and the output writer. Not part of the shipped tool.
        .executableTarget(
            name: "arbiter-fuzz",
            dependencies: [
                "ArbiterCore", "ArbiterServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ArbiterCoreTests", dependencies: ["ArbiterCore", "ArbiterYAML"]),
        .testTarget(name: "ArbiterYAMLTests", dependencies: ["ArbiterYAML", "ArbiterCore"]),
        .testTarget(name: "ArbiterReportTests", dependencies: ["ArbiterReport", "ArbiterCore", "ArbiterYAML"]),
        .testTarget(name: "ArbiterEngineTests", dependencies: ["ArbiterEngine", "ArbiterCore"]),
        .testTarget(
            name: "ArbiterServerTests",
            dependencies: [
                "ArbiterServer", "ArbiterEngine", "ArbiterCore", "ArbiterYAML",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ArbiterCLITests", dependencies: ["arbiter", "ArbiterCore"]),
    ],
    swiftLanguageModes: [.v6]
)
