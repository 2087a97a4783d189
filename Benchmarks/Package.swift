// swift-tools-version:6.0
// Release-mode benchmarks, kept out of the main package so that CI's test build stays small.
//   cd Benchmarks && swift run -c release coalition-bench --help
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the clone was called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CoalitionBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../")],
    targets: [
        .executableTarget(
            name: "coalition-bench",
            dependencies: [.product(name: "CoalitionIO", package: root), .product(name: "CoalitionGraph", package: root), .product(name: "Coalition", package: root)],
            path: "Sources/CoalitionBench")
    ],
    swiftLanguageModes: [.v6]
)
