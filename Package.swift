// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "backprop-tutor",
    products: [
        .executable(name: "backprop-tutor", targets: ["backprop-tutor"]),
    ],
    targets: [
        // The math: tensors, the equation language, forward/backward/update traces.
        .target(name: "BackpropEngine"),
        // The lesson file format and the lessons built into the binary.
        // The lesson files' naming rule, shared with the build tool.
        .target(name: "LessonFiles"),
        .target(
            name: "Lessons",
            dependencies: ["BackpropEngine", "LessonFiles"],
            plugins: ["EmbedLessonsPlugin"]
        ),
        // The screen both sides of the painter share: cells, styles, keys.
        .target(name: "TextScreen"),
        // State, actions, update and render to a text screen: no terminal here.
        .target(name: "TutorApp", dependencies: ["BackpropEngine", "Lessons", "TextScreen"]),
        // The learner's progress between runs: the state file, read and written atomically.
        .target(name: "ProgressStore", dependencies: ["BackpropEngine", "Lessons", "TextScreen", "TutorApp"]),
        // ncursesw, reached through a small shim header.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // Paints screens with ncurses, reads keys, restores the terminal.
        .target(name: "Terminal", dependencies: ["CNcurses", "TextScreen"]),
        .executableTarget(
            name: "backprop-tutor",
            dependencies: ["BackpropEngine", "Lessons", "ProgressStore", "TextScreen", "TutorApp", "Terminal"],
            // A release build carries the Swift runtime in it: it starts in about two thirds of
            // the time and needs only ncurses beside it (README, "Benchmarks").
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // Turns lessons/*.md into Swift source at build time.
        .executableTarget(name: "EmbedLessons", dependencies: ["LessonFiles"]),
        .plugin(
            name: "EmbedLessonsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedLessons"]
        ),
        // Release-build figures: `swift run -c release Benchmarks`.
        .executableTarget(
            name: "Benchmarks",
            dependencies: ["BackpropEngine", "Lessons", "TextScreen", "TutorApp", "Terminal"]
        ),
        // What several test targets share.
        .target(name: "TestSupport", dependencies: ["BackpropEngine", "Lessons", "TextScreen", "TutorApp"], path: "Tests/TestSupport"),
        .testTarget(name: "BackpropEngineTests", dependencies: ["BackpropEngine", "TestSupport"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "BackpropEngine", "TestSupport"]),
        .testTarget(
            name: "TutorAppTests",
            dependencies: ["TutorApp", "TextScreen", "Lessons", "BackpropEngine", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "ProgressStoreTests", dependencies: ["ProgressStore", "TutorApp", "Lessons", "BackpropEngine", "TestSupport"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TextScreen", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["backprop-tutor", "Lessons", "TextScreen", "TutorApp", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
