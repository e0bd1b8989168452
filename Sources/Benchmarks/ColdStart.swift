import Foundation
import Lessons
import TutorApp

/// Cold start: from exec to the first full frame at 120×40, measured from outside through a
/// pseudo-terminal (`benchmarks/first-frame.c`) beside a C ncurses program painting the same
/// screen (`benchmarks/ncurses-floor.c`), the two taking turns; `list` from exec to exit; and
/// the share of the start spent reading the built-in lessons (their headers, and the lesson
/// shown whole), timed in child runs of this benchmark so that each is the first read in its
/// process, as a starting tutor's is. The tutor starts afresh, its state folder a new one.
enum ColdStart {
    /// Timed runs of each program, after one that warms the caches.
    static let runs = 30

    /// The command that makes this benchmark a child that times its first read of the built-in
    /// lessons, the one a starting tutor pays (every header, the first lesson whole), and writes
    /// it in microseconds.
    static let firstParseCommand = "first-parse"

    /// The child run of `firstParseCommand`.
    static func timeFirstParse() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let count = try LessonLibrary.builtIn()[0].slides.count
        let elapsed = clock.now - start
        precondition(count > 0)
        FileHandle.standardOutput.write(Data("\(elapsed.microseconds)\n".utf8))
    }

    /// The rows of the table.
    static func figures(workspace: Workspace, lessons: [Lesson]) throws -> [Figure] {
        let tutor = try workspace.tutor()
        let harness = try workspace.compile("first-frame", flags: ["-lutil"])
        let floor = try workspace.compile("ncurses-floor", flags: ["-lncursesw"])
        let screen = render(update(TutorState(lessons: lessons), .resize(width: ScreenSize.width, height: ScreenSize.height))).screen
        let rows = try workspace.write(screen.lines.joined(separator: "\n") + "\n", to: "first-frame.txt")
        guard let marker = lastWord(of: screen.lines) else { throw ChildProcessError(message: "the tutor's first frame has no word on its bottom row") }

        var tutorFrames: [Double] = [], floorFrames: [Double] = []
        for run in 0...runs {
            let tutorFrame = try firstFrame(workspace, harness: harness, marker: marker, program: [tutor])
            let floorFrame = try firstFrame(workspace, harness: harness, marker: marker, program: [floor, rows])
            if run > 0 { (tutorFrames, floorFrames) = (tutorFrames + [tutorFrame], floorFrames + [floorFrame]) }
        }
        let (frame, floorFrame) = (median(tutorFrames), median(floorFrames))
        /// The median and, as a steadier figure on a busy machine, the fastest run.
        func figure(_ median: Double, _ runs: [Double]) -> String {
            "\(Units.duration(microseconds: median)) (fastest \(Units.duration(microseconds: runs.min() ?? median)))"
        }

        var lists: [ChildProcess] = []
        for _ in 0...runs { lists.append(try workspace.run(tutor, ["list"], environment: ["LC_ALL": "C.UTF-8"])) }
        guard lists.allSatisfy(\.succeeded) else { throw ChildProcessError(message: "backprop-tutor list failed: \(lists[0].errorOutput)") }
        let list = median(lists.dropFirst().map(\.microseconds))
        let listMemory = lists.map(\.peakKilobytes).max() ?? 0

        var firstParses: [Double] = []
        for _ in 0..<runs {
            let run = try workspace.run(workspace.benchmark, [firstParseCommand], keepOutput: true)
            guard run.succeeded, let microseconds = Double(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw ChildProcessError(message: "no first parse: \(run.errorOutput)")
            }
            firstParses.append(microseconds)
        }
        let firstParse = median(firstParses)
        let parse = try time(repetitions: runs) { try LessonLibrary.builtIn()[0].slides.count }
        return [
            Figure(
                what: "exec to first full frame, \(ScreenSize.width)×\(ScreenSize.height) (pty, median of \(runs))",
                figure: figure(frame, tutorFrames), peer: "C ncurses painting the same screen: \(figure(floorFrame, floorFrames))",
                ratio: Units.ratio(frame / floorFrame)),
            Figure(
                what: "of that, reading the built-in lessons (every header, the lesson shown whole)",
                figure: "\(Units.duration(microseconds: firstParse)) first in a process, \(Units.duration(microseconds: parse.median)) again",
                ratio: String(format: "%.0f%% of the frame", firstParse / frame * 100)),
            Figure(
                what: "`list`, exec to exit; peak memory",
                figure: "\(Units.duration(microseconds: list)); \(Units.memory(kilobytes: Double(listMemory)))"),
        ]
    }

    /// Microseconds from exec to the first full frame of `program`, as `first-frame` measures it.
    private static func firstFrame(_ workspace: Workspace, harness: String, marker: String, program: [String]) throws -> Double {
        let state = workspace.scratch.appendingPathComponent("state").path
        let run = try workspace.run(
            harness, ["\(ScreenSize.width)", "\(ScreenSize.height)", marker] + program, environment: ["XDG_STATE_HOME": state],
            timeout: .seconds(30), keepOutput: true)
        guard run.succeeded, let microseconds = Double(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ChildProcessError(message: "no first frame from \(program[0]): \(run.errorOutput)")
        }
        return microseconds
    }

    /// The last word of the last row with a word on it: proof that a frame reached the bottom.
    private static func lastWord(of lines: [String]) -> String? {
        for line in lines.reversed() {
            let words = line.split(separator: " ").map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            if let word = words.last(where: { $0.count >= 2 }) { return String(word) }
        }
        return nil
    }
}

