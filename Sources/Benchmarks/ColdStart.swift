import Foundation
import Lessons
import TutorApp

/// Cold start: from exec to the first full frame at 120×40, measured from outside through a
/// pseudo-terminal (`benchmarks/first-frame.c`) beside a C ncurses program painting the same
/// screen (`benchmarks/ncurses-floor.c`), the two taking turns; `list` from exec to exit; and
/// the share of the start spent parsing the built-in lessons.
enum ColdStart {
    /// Timed runs of each program, after one that warms the caches.
    static let runs = 30

    /// The rows of the table. `firstParse` is how long this process's first parse of the
    /// built-in lessons took: the one a starting tutor pays.
    static func figures(workspace: Workspace, lessons: [Lesson], firstParse: Duration) throws -> [Figure] {
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

        var lists: [ChildProcess] = []
        for _ in 0...runs { lists.append(try workspace.run(tutor, ["list"], environment: ["LC_ALL": "C.UTF-8"])) }
        guard lists.allSatisfy(\.succeeded) else { throw ChildProcessError(message: "backprop-tutor list failed: \(lists[0].errorOutput)") }
        let list = median(lists.dropFirst().map(\.microseconds))
        let listMemory = lists.map(\.peakKilobytes).max() ?? 0

        let parse = try time(repetitions: runs) { try LessonLibrary.builtIn().count }
        return [
            Figure(
                what: "exec to first full frame, \(ScreenSize.width)×\(ScreenSize.height) (pty, median of \(runs))",
                figure: Units.duration(microseconds: frame), peer: "C ncurses painting the same screen: \(Units.duration(microseconds: floorFrame))",
                ratio: Units.ratio(frame / floorFrame)),
            Figure(
                what: "of that, parsing the built-in lessons (in process)",
                figure: "\(Units.duration(microseconds: firstParse.microseconds)) first, \(Units.duration(microseconds: parse.median)) again",
                ratio: String(format: "%.0f%% of the frame", firstParse.microseconds / frame * 100)),
            Figure(
                what: "`list`, exec to exit; peak memory",
                figure: "\(Units.duration(microseconds: list)); \(Units.memory(kilobytes: Double(listMemory)))"),
        ]
    }

    /// Microseconds from exec to the first full frame of `program`, as `first-frame` measures it.
    private static func firstFrame(_ workspace: Workspace, harness: String, marker: String, program: [String]) throws -> Double {
        let run = try workspace.run(
            harness, ["\(ScreenSize.width)", "\(ScreenSize.height)", marker] + program, timeout: .seconds(30), keepOutput: true)
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

