// swift-tools-version:6.0
import PackageDescription

// Compiler settings shared by every Swift target.
let swiftSettings: [SwiftSetting] = [
    // Every `any` is spelled out, so existential costs are visible at the call site.
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "CouponDesk",
    products: [
        .executable(name: "coupondesk", targets: ["coupondesk"]),
        .executable(name: "coupondesk-bench", targets: ["coupondesk-bench"]),
        .library(name: "CouponCore", targets: ["CouponCore"]),
        .library(name: "CouponBrowser", targets: ["CouponBrowser"]),
    ],
    targets: [
        // MARK: - C libraries from Debian

        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),

        // MARK: - Libraries

        .target(
            name: "CouponCore",
            dependencies: ["COpenSSL"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CouponAssets",
            path: "Assets",
            exclude: ["README.md"],
            resources: [.copy("demo-users.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CouponSandbox",
            dependencies: ["CouponCore", "CouponAssets"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CouponBrowser",
            dependencies: ["CouponCore"],
            exclude: ["Text/generate_width_tables.py"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CouponTUI",
            dependencies: ["CouponBrowser", "CouponCore", "CNcursesw"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CouponCLI",
            dependencies: ["CouponCore", "CouponBrowser", "CouponTUI", "CouponSandbox"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Executables

        .executableTarget(
            name: "coupondesk",
            dependencies: ["CouponCLI"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "coupondesk-bench",
            dependencies: ["CouponCLI", "CouponCore", "CouponBrowser", "CouponTUI", "CouponSandbox"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests

        .testTarget(
            name: "CouponCoreTests",
            dependencies: ["CouponCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponSandboxTests",
            dependencies: ["CouponSandbox", "CouponCore"],
            // The interop script runs from the source tree with python3; it is not a resource of the build.
            exclude: ["Interop/interop_client.py"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponBrowserTests",
            dependencies: ["CouponBrowser", "CouponCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponTUITests",
            dependencies: ["CouponTUI", "CouponBrowser", "CouponCore", "CouponSandbox"],
            resources: [.copy("Snapshots")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponDeskEndToEndTests",
            dependencies: ["coupondesk", "CouponSandbox", "CouponCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponCLITests",
            dependencies: ["CouponCLI", "CouponCore", "CouponBrowser", "CouponSandbox"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CouponBenchTests",
            dependencies: ["coupondesk-bench", "CouponCore", "CouponBrowser", "CouponSandbox"],
            swiftSettings: swiftSettings
        ),
    ]
)
