import Foundation
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Every slide of every shipped lesson, rendered at 80×24 and 120×40 at a representative step,
/// and the overlays, prompts and ASCII fallback at 80×24, compared with the text stored in
/// `Tests/TutorAppTests/Snapshots` (characters and styles; its README.md gives the format). After
/// a deliberate change of the screen, regenerate them with
/// `UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests` and read the diff.
@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    /// (lesson id, slide index) of every shipped slide.
    static func slides() throws -> [(lesson: String, slide: Int)] {
        try LessonLibrary.shipped().flatMap { lesson in lesson.slides.indices.map { (lesson.id, $0) } }
    }

    /// Screens over or instead of the plain slides, each reached by keys from the first slide of
    /// a lesson; the name is the snapshot's.
    static let scenes: [(name: String, lesson: String, unicode: Bool, keys: [Key])] = [
        ("linear-help", "linear", true, [.character("?")]),
        ("linear-menu", "linear", true, [.character("m"), .down]),
        ("linear-value-prompt", "linear", true, [.down, .down, .down, .enter]),
        ("linear-value-refused", "linear", true, [.down, .down, .down, .enter, .character("x"), .enter]),
        ("linear-predict-prompt", "linear", true, [.pageDown, .pageDown, .character("P"), .right, .character("1"), .enter, .right]),
        ("linear-predict-missed", "linear", true,
         [.pageDown, .pageDown, .character("P"), .right, .character("1"), .enter, .right, .character("y"), .character("-"), .character("h"), .enter]),
        ("linear-help-ascii", "linear", false, [.character("?")]),
        ("linear-03-ascii", "linear", false, [.pageDown, .pageDown] + Array(repeating: .right, count: 4)),
        ("wider-05-ascii", "wider", false, Array(repeating: .pageDown, count: 4) + Array(repeating: .right, count: 10)),
        ("linear-landscape-trained", "linear", true, [.end, .character("t")]),
        ("linear-landscape-ascii", "linear", false, [.end, .character("t")]),
        ("playground-editor", "playground", true, [.character("E"), .down, .down]),
        ("playground-editor-prompt", "playground", true, [.character("E")] + Array(repeating: .down, count: 10) + [.enter]),
        ("playground-editor-error", "playground", true, [.character("E")] + .replacing(line: 10, with: "q = tanh(hh)")),
        ("playground-editor-ascii", "playground", false, [.character("E")] + .replacing(line: 10, with: "q = tanh(hh)")),
        ("playground-02-tanh", "playground", true,
         [.character("E")] + .replacing(line: 10, with: "q = tanh(h)") + [.escape, .pageDown] + Array(repeating: .right, count: 11)),
        ("xor-decision-trained", "xor", true, trainedDecision),
        ("xor-decision-trained-ascii", "xor", false, trainedDecision),
        ("xor-trace-row-2", "xor", true, [.pageDown] + Array(repeating: .right, count: 5) + [.character(".")]),
    ]

    /// The XOR lesson's decision map after 300 epochs more than the table starts with.
    static let trainedDecision: [Key] = [.end, .character("T"), .character("T"), .character("T")]

    @Test(arguments: try slides())
    func slideMatchesItsSnapshot(lesson: String, slide: Int) throws {
        let start = try TutorState.atSlide(slide, in: lesson)
        // Representative: halfway through a trace, or a question with its answer shown.
        let state = start.applying(.next, times: (start.stepCount(of: start.slide) + 1) / 2)
        for (width, height) in Self.sizes {
            let name = String(format: "%@-%02d-%dx%d.txt", lesson, slide + 1, width, height)
            try Self.compare(state.screen(width: width, height: height), with: name)
        }
    }

    @Test(arguments: scenes)
    func sceneMatchesItsSnapshot(name: String, lesson: String, unicode: Bool, keys: [Key]) throws {
        let state = try TutorState.atFirstSlide(in: lesson, unicode: unicode).pressing(keys)
        try Self.compare(state.screen(width: 80, height: 24), with: "\(name)-80x24.txt")
    }

    @Test func theTrainedDecisionMapMatchesItsSnapshotAt120x40() throws {
        let state = try TutorState.atFirstSlide(in: "xor").pressing(Self.trainedDecision)
        try Self.compare(state.screen(width: 120, height: 40), with: "xor-decision-trained-120x40.txt")
    }

    @Test func stylesAreLettersUnderTheirRowOnlyWhereARowHasThem() {
        var screen = Screen(width: 8, height: 3)
        screen.put("Title", x: 0, y: 0, style: Style(.heading, bold: true, underline: true))
        screen.put("plain", x: 0, y: 1)
        screen.put("a", x: 0, y: 2, style: Style(.normal, bold: true))
        screen.put("b", x: 2, y: 2, style: Style(.value, reverse: true))
        screen.put("  ", x: 4, y: 2, style: Style(.status, reverse: true, underline: true))
        #expect(screen.snapshotText == "Title\nHHHHH\n_____\nplain\na b\nN.v.ss\n..#.&&\n")
    }

    /// Compares the screen's snapshot text with a stored snapshot, or rewrites it when
    /// `UPDATE_SNAPSHOTS` is set.
    static func compare(_ screen: Screen, with name: String) throws {
        let text = screen.snapshotText
        let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(text == stored, "\(name) differs from its snapshot; if the change is intended, run UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests")
    }
}
