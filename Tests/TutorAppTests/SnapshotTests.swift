import Foundation
import Lessons
import Testing
import TextScreen
@testable import TutorApp

/// Every slide of every shipped lesson, rendered at 80×24 and 120×40 at a representative step,
/// compared with the text stored in `Tests/TutorAppTests/Snapshots`. After a deliberate change of
/// the screen, regenerate them with `UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests` and
/// read the diff.
@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    /// (lesson index, slide index) of every shipped slide.
    static let slides: [Int] = {
        guard let lessons = try? LessonLibrary.builtIn() else { return [] }
        return lessons.indices.flatMap { lesson in lessons[lesson].slides.indices.map { lesson * 100 + $0 } }
    }()

    @Test(arguments: slides)
    func slideMatchesItsSnapshot(slide code: Int) throws {
        var state = TutorState(lessons: try LessonLibrary.builtIn(), lessonIndex: code / 100)
        for _ in 0..<(code % 100) { state = update(state, .nextSlide) }
        // Representative: halfway through a trace, or a question with its answer shown.
        let steps = state.stepCount(of: state.slide)
        for _ in 0..<((steps + 1) / 2) { state = update(state, .next) }
        for (width, height) in Self.sizes {
            let name = String(format: "%@-%02d-%dx%d.txt", state.lesson.id, code % 100 + 1, width, height)
            try Self.compare(state.screen(width: width, height: height), with: name)
        }
    }

    /// Compares the screen's text (trailing spaces trimmed) with a stored snapshot, or rewrites it
    /// when `UPDATE_SNAPSHOTS` is set.
    static func compare(_ screen: Screen, with name: String) throws {
        let text = screen.lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(text == stored, "\(name) differs from its snapshot; if the change is intended, run UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests")
    }
}
