import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// The loss landscape: the map follows the values, the path follows η, and a path that leaves
/// the window is marked at its edge.
@Suite struct LandscapeTests {
    func landscape() throws -> TutorState {
        try TutorState.atFirstSlide(in: "linear") { !$0.landscapes.isEmpty }
    }

    func text(_ state: TutorState) -> [String] { state.screen(width: 120, height: 40).lines }

    @Test func theMapCoversThreeEitherSideOfTheStartingValuesAndMarksTheStart() throws {
        let lines = text(try landscape())
        #expect(lines.contains { $0.contains("Loss over w and b") })
        #expect(lines.contains { $0.contains(" 4.00 │") } && lines.contains { $0.contains("−2.00 │") })
        #expect(lines.contains { $0.contains("−2.90") && $0.contains("3.10") })
        #expect(lines.filter { $0.contains("●") }.count == 1, "the iteration on screen is marked once")
    }

    /// The characters of the map's rows, right of the axis.
    func map(_ state: TutorState) -> String {
        let lines = text(state)
        guard let top = lines.firstIndex(where: { $0.contains("Loss over w and b") }),
              let bottom = lines.firstIndex(where: { $0.contains("└─") }) else { return "" }
        return lines[(top + 1)..<bottom].map { String($0.split(separator: "│", omittingEmptySubsequences: false)[1]) }.joined()
    }

    @Test func atTheLessonsRateThePathSlidesIntoTheValleyAndAboveOneItLeavesTheWindow() throws {
        let arrows: Set<Character> = ["←", "→", "↑", "↓"]
        let gentle = map(try landscape().pressing(.character("t")))
        #expect(!gentle.contains(where: arrows.contains), "η = 0.2 stays inside")
        #expect(gentle.filter { $0 == "•" }.count >= 3)
        let steep = try landscape().pressing(.enter).typing("1.1").pressing(.enter, .character("t"))
        #expect(steep.model?.learningRate == 1.1)
        let outside = map(steep).contains(where: arrows.contains)
        #expect(outside, "η = 1.1 zig-zags out of the window")
    }

    @Test func aPathThrownFarOutsideButFiniteIsMarkedAtTheEdge() throws {
        let far = try landscape().pressing(.enter).typing("1e150").pressing(.enter, .character("t"))
        #expect(far.model?.learningRate == 1e150)
        let arrows: Set<Character> = ["←", "→", "↑", "↓"]
        #expect(map(far).contains(where: arrows.contains), "a point beyond what an Int holds lands at the edge")
    }

    @Test func changingAStartingValueMovesTheWindowAndRedrawsTheMap() throws {
        let start = try landscape()
        let moved = start.pressing(.down, .down, .down, .character("+"))
        #expect(moved.entries[moved.selection].name == "w")
        #expect(text(moved).contains { $0.contains("−2.80") && $0.contains("3.20") })
    }
}
