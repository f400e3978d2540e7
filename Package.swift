// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// `scripts/fuzz.sh` sets KLAXON_FUZZING=1 (and its own build path): the fuzz targets and the code they
/// exercise are then built with libFuzzer and AddressSanitizer. Per target rather than `-Xswiftc`, which
/// would also reach the migration plugin's build tool and break its link.
let fuzzing = Context.environment["KLAXON_FUZZING"] != nil
let fuzzedSettings: [SwiftSetting] =
    fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("KLAXON_FUZZING")] : []
// lld: gold fails with an internal error on the sanitized binaries.
let fuzzerLinkerSettings: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []

let package = Package(
    name: "Klaxon",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "klaxon", targets: ["klaxon"]),
        .library(name: "HTTPCore", targets: ["HTTPCore"]),
        .library(name: "IncidentDomain", targets: ["IncidentDomain"]),
        .library(name: "SQLiteCore", targets: ["SQLiteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // SHA-256 for migration checksums (and, later, token hashes and webhook HMACs).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Postmortem templates that teams can replace with their own (logic-less, no code execution).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(name: "CHTTPCoreShims"),
        .target(
            name: "HTTPCore",
            dependencies: ["CHTTPCoreShims", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings + fuzzedSettings
        ),
        .target(
            name: "IncidentAPI",
            dependencies: [
                "CCurl",
                "HTTPCore",
                "IncidentDomain",
                "IncidentStore",
                "SQLiteCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings
        ),
        // Outbound https pages (issue 7): libcurl, told the one vetted address to connect to.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "SQLiteCore",
            dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "EmbedMigrationsTool",
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["EmbedMigrationsTool"]
        ),
        .target(
            name: "IncidentStore",
            // Crypto: integration keys are stored as SHA-256 hashes.
            dependencies: ["SQLiteCore", "IncidentDomain", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings,
            plugins: ["EmbedMigrations"]
        ),
        .executableTarget(
            name: "klaxon",
            dependencies: [
                "HTTPCore",
                "IncidentAPI",
                "IncidentDomain",
                "IncidentStore",
                "SQLiteCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "SQLiteBench",
            dependencies: ["SQLiteCore", "IncidentStore"],
            path: "bench/sqlite/SQLiteBench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "StoreBench",
            dependencies: ["IncidentStore", "IncidentDomain", "SQLiteCore"],
            path: "bench/store/StoreBench",
            swiftSettings: strictSettings
        ),
        // Fuzz targets (issue 11): libFuzzer binaries when built by scripts/fuzz.sh (KLAXON_FUZZING=1, see
        // `fuzzedSettings`), corpus replayers when built normally.
        .target(name: "CFuzzerDriver", path: "Tests/Fuzz/CFuzzerDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzerDriver"], path: "Tests/Fuzz/FuzzSupport",
            swiftSettings: strictSettings + fuzzedSettings),
        .executableTarget(
            name: "HTTPParserFuzzer",
            dependencies: ["HTTPCore", "FuzzSupport"],
            path: "Tests/Fuzz/HTTPParserFuzzer",
            swiftSettings: strictSettings + fuzzedSettings,
            linkerSettings: fuzzerLinkerSettings
        ),
        .executableTarget(
            name: "AlertPayloadFuzzer",
            dependencies: ["IncidentDomain", "FuzzSupport"],
            path: "Tests/Fuzz/AlertPayloadFuzzer",
            swiftSettings: strictSettings + fuzzedSettings,
            linkerSettings: fuzzerLinkerSettings
        ),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore"], swiftSettings: strictSettings),
        .testTarget(name: "KlaxonCLITests", dependencies: ["klaxon"], swiftSettings: strictSettings),
        .testTarget(
            name: "IncidentAPITests",
            // Crypto: the signed-webhook tests sign requests as a sender would.
            dependencies: [
                "IncidentAPI", "SQLiteCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The pure domain: values and rules only, no dependencies, no I/O, never reads the clock.
        .target(name: "IncidentDomain", swiftSettings: strictSettings + fuzzedSettings),
        .testTarget(name: "IncidentDomainTests", dependencies: ["IncidentDomain"], swiftSettings: strictSettings),
        .testTarget(name: "SQLiteCoreTests", dependencies: ["SQLiteCore", "CSQLite"], swiftSettings: strictSettings),
        .testTarget(
            name: "IncidentStoreTests",
            dependencies: ["IncidentStore", "IncidentDomain", "SQLiteCore"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
