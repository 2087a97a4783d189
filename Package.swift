// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Coalition",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coalition", targets: ["CoalitionCLI"]),
        .library(name: "CoalitionGraph", targets: ["CoalitionGraph"]),
        .library(name: "Coalition", targets: ["Coalition"]),
        .library(name: "CoalitionIO", targets: ["CoalitionIO"]),
        .library(name: "CoalitionDOT", targets: ["CoalitionDOT"]),
        .library(name: "CoalitionOutput", targets: ["CoalitionOutput"]),
        .library(name: "CoalitionReport", targets: ["CoalitionReport"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Domain-free graph core: CSR adjacency and algorithms. Standard library only.
        .target(name: "CoalitionGraph"),
        // The stakeholder domain: actors, ties, missions, diagnostics. No file I/O.
        .target(name: "Coalition", dependencies: ["CoalitionGraph"]),
        // Readers and writers: CSV/TSV sheets, Excel workbooks, GraphML, GEXF, Coalition and Kumu
        // JSON, the YAML mission file. No Graphviz: reading a sheet needs no C graph library.
        .target(
            name: "CoalitionIO",
            dependencies: [
                "Coalition", "CSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // DOT maps, read through Graphviz's own parser (LoadOptions.readingDOT).
        .target(name: "CoalitionDOT", dependencies: ["Coalition", "CoalitionIO", "Graphviz"]),
        // The one system call Swift's Glibc module does not expose: renameat2 (atomic exchange).
        .target(name: "CSystem"),
        // Graphviz's C libraries (Debian: libgraphviz-dev), quarantined behind one module.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // The only importer of CGraphviz: DOT text in, SVG/PNG/PDF bytes out. Knows no missions.
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        // The output layer: one analysis session (inputs read once, each analysis cached), every
        // command's document (the JSON interface, text, CSV), tables, and the diagrams with the
        // DOT writer. Every front end (CLI, pack, programs) asks it.
        // Findings in words come from Mustache sentence templates.
        .target(
            name: "CoalitionOutput",
            dependencies: [
                "Coalition", "CoalitionGraph", "CoalitionIO", "CoalitionDOT", "Graphviz",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // The briefing pack: findings in words (Mustache sentence templates), the HTML page and
        // Markdown, diagrams and data files, provenance (SHA-256 from swift-crypto).
        .target(
            name: "CoalitionReport",
            dependencies: [
                "Coalition", "CoalitionIO", "CoalitionOutput", "Graphviz",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .executableTarget(
            name: "CoalitionCLI",
            dependencies: [
                "Coalition", "CoalitionIO", "CoalitionOutput", "Graphviz", "CoalitionReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The libraries alone, as a program of the team's own would use them.
        .executableTarget(name: "SilosExample", dependencies: ["Coalition", "CoalitionOutput", "Graphviz"], path: "Examples/SilosExample"),
        // What every test target shares: the repository root, the built executables, scratch folders.
        .target(name: "CoalitionTestSupport", dependencies: ["Coalition", "CoalitionIO", "CoalitionDOT"], path: "Tests/CoalitionTestSupport"),
        .testTarget(name: "CoalitionGraphTests", dependencies: ["CoalitionGraph", "CoalitionTestSupport"]),
        .testTarget(name: "CoalitionTests", dependencies: ["Coalition", "CoalitionGraph", "CoalitionIO", "CoalitionTestSupport"]),
        .testTarget(
            name: "CoalitionIOTests",
            dependencies: [
                "CoalitionIO", "CoalitionDOT", "CoalitionOutput", "CoalitionTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "CoalitionOutputTests", dependencies: ["CoalitionOutput", "CoalitionIO", "CoalitionGraph", "Graphviz", "CoalitionTestSupport"]),
        .testTarget(name: "CoalitionCLITests", dependencies: ["CoalitionCLI", "CoalitionTestSupport"]),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "CoalitionTestSupport"]),
        .testTarget(name: "CoalitionReportTests", dependencies: ["CoalitionReport", "CoalitionOutput", "CoalitionIO", "CoalitionTestSupport"], exclude: ["golden"]),
    ],
    swiftLanguageModes: [.v6]
)
