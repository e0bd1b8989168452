import Foundation
import Lessons
import TutorApp

/// Inputs that stress the loader, the engine and the renderer: each is loaded by the release
/// binary's `list`, then opened in the tutor in a child run of this benchmark (`KeyChild`) that
/// times its first screen and one key. Every run is bounded in time (`BENCH_TIMEOUT` seconds,
/// 60 by default) and in memory (8 GB), so that a hang or a crash is a figure, not the end of
/// the benchmark.
enum PathologicalInputs {
    /// One input: what it is, its lesson, and the key pressed in the tutor.
    struct Case {
        let what: String
        let name: String
        let lesson: String
        let key: KeyChild.Key
    }

    static let cases = [
        Case(what: "`h = w*w*…*w`, 500 factors", name: "product500", lesson: GeneratedLessons.product(500), key: .step),
        Case(what: "`h = w*w*…*w`, 2,000 factors", name: "product2000", lesson: GeneratedLessons.product(2_000), key: .step),
        Case(what: "`loss L = W[1,1] + … + W[100,100]`", name: "indexedsum", lesson: GeneratedLessons.indexedSum(100), key: .step),
        Case(what: "a 40,000-line formulas block", name: "longblock", lesson: GeneratedLessons.longBlock(40_000), key: .scroll),
        Case(what: "a 400,000-character word in prose", name: "longword", lesson: GeneratedLessons.longWord(400_000), key: .scroll),
    ]

    static let memoryLimitKilobytes = 8 * 1_024 * 1_024

    static func figures(workspace: Workspace) throws -> [Figure] {
        let tutor = try workspace.tutor()
        let seconds = ProcessInfo.processInfo.environment["BENCH_TIMEOUT"].flatMap(Int.init) ?? 60
        let timeout = Duration.seconds(seconds)
        var rows: [Figure] = []
        for input in cases {
            let file = try workspace.write(input.lesson, to: "inputs/\(input.name)/1-\(input.name).md")
            let size = Units.memory(kilobytes: Double(input.lesson.utf8.count) / 1_024)
            progress("  \(input.what) (\(size)) …")
            let list = try workspace.run(
                tutor, ["--lessons", (file as NSString).deletingLastPathComponent, "list"], timeout: timeout, memoryLimitKilobytes: memoryLimitKilobytes)
            let child = try workspace.run(
                workspace.benchmark, [KeyChild.command, file, input.key.rawValue], timeout: timeout, memoryLimitKilobytes: memoryLimitKilobytes,
                keepOutput: true)
            rows += [
                Figure(what: "\(input.what) (\(size)): `list`", figure: list.summary(timeout: timeout)),
                Figure(what: "\(input.what): tutor, first screen; \(input.key.label)", figure: tutorSummary(child, timeout: timeout)),
            ]
        }
        return rows
    }

    /// `open 2.10 s; key 4.30 s (410 MB)`, or as far as the child got and how it ended.
    private static func tutorSummary(_ child: ChildProcess, timeout: Duration) -> String {
        let reported = child.output.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: " ")
            guard parts.count == 2, let microseconds = Double(parts[1]) else { return nil }
            return "\(parts[0]) \(Units.duration(microseconds: microseconds))"
        }
        let finished = child.succeeded && reported.count == 2
        let memory = Units.memory(kilobytes: Double(child.peakKilobytes))
        return (reported + [finished ? "(\(memory))" : "then " + child.summary(timeout: timeout)]).joined(separator: "; ")
    }
}

/// The child run of this benchmark that opens one lesson file in the tutor at 120×40 and times
/// its first screen and one key: `Benchmarks key-child FILE step|scroll`. The step is the
/// slide's last, shown with all the others, the fullest screen it has; the scroll is from the
/// top. Writes `open µs` and then `key µs`, each as soon as it is known.
enum KeyChild {
    static let command = "key-child"

    /// The key pressed.
    enum Key: String {
        case step, scroll

        var action: Action { self == .step ? .next : .scroll(3) }
        var label: String { self == .step ? "→ (the last step)" : "j (scroll)" }
    }

    static func run(_ arguments: [String]) throws {
        guard arguments.count == 2, let key = Key(rawValue: arguments[1]) else {
            throw ChildProcessError(message: "usage: Benchmarks \(command) FILE step|scroll")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let lesson = try LessonLibrary.load(file: arguments[0])
        var state = update(TutorState(lessons: [lesson]), .resize(width: ScreenSize.width, height: ScreenSize.height))
        let cells = render(state).screen.cells.count
        report("open", clock.now - start, cells)
        if key == .step {
            for _ in 1..<max(1, state.stepCount(of: state.slide)) { state = update(state, .next) }
        }
        let pressed = clock.now
        let pressedCells = render(update(state, key.action)).screen.cells.count
        report("key", clock.now - pressed, pressedCells)
    }

    private static func report(_ name: String, _ duration: Duration, _ cells: Int) {
        precondition(cells > 0)
        FileHandle.standardOutput.write(Data("\(name) \(duration.microseconds)\n".utf8))
    }
}
