// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "netan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NetGraph", targets: ["NetGraph"]),
        .executable(name: "netan", targets: ["netan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "CKernels"),
        .target(
            name: "NetGraph",
            dependencies: [
                "CGraphviz",
                "CKernels",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/demo"), .copy("Resources/jeugdregios")]
        ),
        .executableTarget(
            name: "netan",
            dependencies: [
                "NetGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NetGraphTests",
            dependencies: ["NetGraph", "netan"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
