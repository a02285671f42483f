#!/usr/bin/env bash
# Builds NetGraph and NetGraphIO as another package would use them (through their library
# products) and runs their test targets there. Run it on a machine WITHOUT Graphviz
# (e.g. after `apt-get remove libgraphviz-dev`) to check that the core needs no system
# library. The bad-input corpus is skipped: it runs the `netan` command, which needs Graphviz.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Tests"
cp -r "$root/Tests/TestSupport" "$root/Tests/NetGraphTests" "$root/Tests/NetGraphIOTests" "$work/Tests/"
ln -s "$root/datasets" "$work/datasets"
ln -s "$root/scripts" "$work/scripts"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let core: [Target.Dependency] = [
    .product(name: "NetGraph", package: "netan"), .product(name: "NetGraphIO", package: "netan"),
]
let package = Package(
    name: "corecheck",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "netan", path: "$root")],
    targets: [
        .target(name: "TestSupport", dependencies: core, path: "Tests/TestSupport", resources: [.copy("Fixtures")]),
        .testTarget(name: "NetGraphTests", dependencies: ["TestSupport"] + core, path: "Tests/NetGraphTests"),
        .testTarget(name: "NetGraphIOTests", dependencies: ["TestSupport"] + core, path: "Tests/NetGraphIOTests"),
    ]
)
SWIFT
if pkg-config --exists libgvc 2>/dev/null; then
    echo "note: Graphviz is installed here, so this run does not prove that the core builds without it." >&2
fi
cd "$work"
swift test --skip BadInputTests
