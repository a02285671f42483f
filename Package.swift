// swift-tools-version: 6.0
import PackageDescription

// Modules, in the order data flows (each depends only on those above it):
//   NetGraph         model, CSR graph, algorithms, analysis, power findings (no system libraries)
//   NetGraphIO       every file format, YAML, XLSX/ZIP, XML (libxml2), the generator and the demo data
//   NetGraphRender   Graphviz in process: diagrams, DOT in and out, interactive HTML
//   NetGraphReports  tables, report folders, comparison, diff
//   NetGraphLive     `netan serve`: the live workshop (HTTP + WebSocket, SQLite journal)
//   netan            the command line: one file per command
let package = Package(
    name: "netan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NetGraph", targets: ["NetGraph"]),
        .library(name: "NetGraphIO", targets: ["NetGraphIO"]),
        .library(name: "NetGraphRender", targets: ["NetGraphRender"]),
        .library(name: "NetGraphReports", targets: ["NetGraphReports"]),
        .library(name: "NetGraphLive", targets: ["NetGraphLive"]),
        .executable(name: "netan", targets: ["netan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .target(name: "CKernels"),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CXMLReader", dependencies: ["CLibXML2"]),
        .target(name: "NetGraph", dependencies: ["CKernels"]),
        .target(
            name: "NetGraphIO",
            dependencies: [
                "NetGraph", "CXMLReader",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/demo"), .copy("Resources/jeugdregios")]
        ),
        .target(name: "NetGraphRender", dependencies: ["NetGraph", "NetGraphIO", "CGraphviz"]),
        .target(name: "NetGraphReports", dependencies: ["NetGraph", "NetGraphIO", "NetGraphRender"]),
        .target(
            name: "NetGraphLive",
            dependencies: [
                "NetGraph", "NetGraphIO", "NetGraphRender", "NetGraphReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "netan",
            dependencies: [
                "NetGraph", "NetGraphIO", "NetGraphRender", "NetGraphReports", "NetGraphLive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers and fixtures shared by the test targets (no Graphviz).
        .target(
            name: "TestSupport",
            dependencies: ["NetGraph", "NetGraphIO"],
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "NetGraphTests", dependencies: ["NetGraph", "NetGraphIO", "TestSupport"]),
        .testTarget(name: "NetGraphIOTests", dependencies: ["NetGraph", "NetGraphIO", "TestSupport"]),
        .testTarget(
            name: "NetGraphRenderTests", dependencies: ["NetGraphRender", "NetGraphIO", "TestSupport"]),
        .testTarget(
            name: "NetGraphReportsTests",
            dependencies: ["NetGraphReports", "NetGraphRender", "NetGraphIO", "TestSupport"]
        ),
        .testTarget(
            name: "NetGraphLiveTests",
            dependencies: [
                "NetGraphLive", "NetGraphIO", "NetGraphReports", "TestSupport",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(name: "netanTests", dependencies: ["netan", "NetGraphIO", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
