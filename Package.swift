// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Klaxon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "klaxon", targets: ["klaxon"]),
        .library(name: "HTTPCore", targets: ["HTTPCore"]),
        .library(name: "IncidentDomain", targets: ["IncidentDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "CHTTPCoreShims"),
        .target(
            name: "HTTPCore",
            dependencies: ["CHTTPCoreShims", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IncidentAPI",
            dependencies: [
                "HTTPCore",
                "IncidentDomain",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "klaxon",
            dependencies: [
                "HTTPCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"], swiftSettings: strictSettings),
        .testTarget(name: "IncidentAPITests", dependencies: ["IncidentAPI"], swiftSettings: strictSettings),
        // The pure domain: values and rules only, no dependencies, no I/O, never reads the clock.
        .target(name: "IncidentDomain", swiftSettings: strictSettings),
        .testTarget(name: "IncidentDomainTests", dependencies: ["IncidentDomain"], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
