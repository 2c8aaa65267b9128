// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Talkoot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "talkoot", targets: ["talkoot"]),
        .library(name: "TalkootKit", targets: ["TalkootKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // libcmark, found through pkg-config (Debian: libcmark-dev).
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc (Debian: libmimalloc-dev), the command's memory allocator: linked into the
        // executable only, where it replaces malloc for the whole process (see Sources/talkoot/Allocator.swift).
        .systemLibrary(
            name: "Cmimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // The whole pipeline: load → validate → model → render → write.
        .target(
            name: "TalkootKit",
            dependencies: [
                "Ccmark",
                .product(name: "Yams", package: "Yams"),
            ],
            // Release builds skip the run-time exclusivity checks, as the standard library's
            // own build does: they cost 2% of a build in class property reads. Debug builds
            // and the tests keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // `talkoot serve`: the preview server (rebuild on change, reload the browser).
        .target(
            name: "TalkootServe",
            dependencies: [
                "TalkootKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        // The command line: argument handling and printing only.
        .executableTarget(
            name: "talkoot",
            dependencies: [
                "TalkootKit",
                "TalkootServe",
                "Cmimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TalkootKitTests",
            dependencies: ["TalkootKit"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
