import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// What every screen must do whatever the slide: fit, fall back, and say when it cannot.
@Suite struct RenderTests {
    /// Every slide of every lesson, fully stepped.
    static func everySlide(unicode: Bool = true) throws -> [TutorState] {
        var states: [TutorState] = []
        var state = try TutorState.atFirstSlide(in: "primer", unicode: unicode)
        while true {
            state = state.applying(.next, times: state.stepCount(of: state.slide))
            states.append(state)
            let next = state.applying(.nextSlide)
            if next.slideIndex == state.slideIndex && next.lessonIndex == state.lessonIndex { return states }
            state = next
        }
    }

    @Test func belowTheSmallestSizeItAsksForALargerTerminal() throws {
        let screen = try TutorState.atFirstSlide(in: "primer").screen(width: 50, height: 12)
        #expect(screen.lines.contains { $0.contains("enlarge the terminal to 60×16") })
    }

    @Test func withoutUTF8EveryCharacterIsASCII() throws {
        for state in try Self.everySlide(unicode: false) {
            let screen = state.screen(width: 80, height: 24)
            let foreign = screen.cells.map(\.character).filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(state.lesson.id) slide \(state.slideIndex + 1): \(String(foreign))")
        }
    }

    @Test func theCurrentStepIsHighlightedOnTheTraceAndInTheGraph() throws {
        let state = try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace && $0.allItems.contains(.graph) }
            .applying(.next, times: 2)
        let screen = state.screen(width: 120, height: 40)
        let highlighted = (0..<screen.height).filter { y in (0..<screen.width).contains { screen[$0, y].style.reverse && screen[$0, y].character != " " } }
            .map { screen.lines[$0] }
        #expect(highlighted.contains { $0.contains("▶ ∂L/∂h = h − y = 1.10 − 3.00 = −1.90") })
        #expect(highlighted.contains { $0.contains("└─ h  = 1.10  ∇ −1.90") })
    }

    @Test func afterTrainingMoreTheNewestRowsAndTheCurveStayInView() throws {
        let trained = try TutorState.atFirstSlide(in: "linear") { $0.allItems.contains(where: \.isTable) }.applying(.train(10), times: 2)
        let text = trained.screen(width: 80, height: 24).lines
        #expect(text.contains { $0.hasPrefix(" 23  3.00") })
        #expect(text.contains { $0.contains("Loss over 23 iterations") })
        #expect(text.contains { $0.contains("15 iterations not shown") })
    }

    /// Every line of the slide's column, as text.
    static func column(_ state: TutorState) -> [String] {
        SlideContent(state: state, width: 80, glyphs: .unicode).lines().lines.map { $0.spans.map(\.text).joined() }
    }

    @Test func theLossOwnGradientIsExplainedOnTheLessonsFirstSlideThatStepsToIt() throws {
        let remark = "(the loss changes one for one with itself)"
        for lesson in ["linear", "deeper", "wider", "xor", "closing", "playground"] {
            var explained: [Int] = []
            var state = try TutorState.atFirstSlide(in: lesson)
            for index in state.lesson.slides.indices {
                let stepped = state.applying(.next, times: state.stepCount(of: state.slide))
                if Self.column(stepped).contains(where: { $0.contains(remark) }) { explained.append(index) }
                state = state.applying(.nextSlide)
            }
            let first = try TutorState.atFirstSlide(in: lesson) { slide in slide.stepsTrace }
            #expect(explained == [first.slideIndex], "\(lesson)")
            #expect(!Self.column(first).contains { $0.contains(remark) }, "\(lesson): shown before its step")
        }
    }

    @Test func aCrossEntropyTargetThatIsNotADistributionIsWarnedAbout() throws {
        let start = try TutorState.atFirstSlide(in: "deeper")
        let index = try #require(start.entries.firstIndex { $0.name == "y" })
        let selected = start.applying(.select(by: index - start.selection))
        let warning = "is not a probability distribution"
        #expect(!Self.column(selected.pressing(.enter).typing("0.8").pressing(.enter)).joined().contains(warning))
        let improper = selected.pressing(.enter).typing("2").pressing(.enter)
        #expect(Self.column(improper).joined(separator: " ").contains("The cross-entropy's target [y; 1 − y] = [2.00; −1.00] \(warning)"))
        #expect(improper.screen(width: 80, height: 24).lines.contains { $0.contains("The cross-entropy's target [y; 1 − y]") })
    }

    @Test func aRenamedRateLeadsTheValuesAndNamesTheUpdate() throws {
        let lesson = try Lesson(
            parsing: "# Renamed\n```model\nparam w = 3\nrate lr = 0.25\nloss L = w^2\n```\n## Only\nshow: trace\n", file: "1-renamed.md", id: "renamed"
        )
        var state = TutorState(lessons: [lesson])
        for _ in 0..<state.stepCount(of: state.slide) { state = update(state, .next) }
        let text = state.screen(width: 120, height: 40).lines
        #expect(text.contains { $0.contains("Update: lr = 0.25") })
        #expect(text.contains { $0.contains("w ← w − lr · ∂L/∂w = 3.00 − 0.25 · 6.00 = 1.50") })
        let panel = try #require(text.firstIndex { $0.contains("│Values") })
        let rows = text[(panel + 1)...(panel + 2)].map { $0.split(separator: "│").last?.split(separator: " ").joined(separator: " ") }
        #expect(rows == ["lr 0.25 rate", "w 3.00 param"])
    }

    @Test func theLessonMenuScrollsToKeepTheSelectedLessonInViewAndSaysOneSlideOrFinished() throws {
        let lessons = try (1...40).map { number in
            try Lesson(parsing: "# Lesson \(number)\n\nAbout lesson \(number).\n\n## Only\n\nText.\n", file: "\(number)-l\(number).md", id: "l\(number)")
        }
        let menu = TutorState(lessons: lessons).applying(.showMenu)
        for (width, height) in [(60, 16), (80, 24), (120, 40)] {
            for selected in lessons.indices {
                let screen = menu.applying(.select(by: 1), times: selected).screen(width: width, height: height)
                // Between the header and the status line, which are drawn reversed too.
                let highlighted = (1..<screen.height - 1).map { y in String((0..<screen.width).filter { screen[$0, y].style.reverse }.map { screen[$0, y].character }) }
                    .filter { !$0.isEmpty }
                let number = selected + 1
                // The first lesson is open on its only slide: it is finished.
                let place = number == 1 ? "(1 slide) ✓" : "(1 slide)"
                #expect(highlighted == ["\(number)  Lesson \(number)  \(place)"], "lesson \(number) at \(width)×\(height)")
                let title = try #require(screen.lines.lazy.compactMap { $0.firstMatch(of: /Lessons (\d+)–(\d+) of 40/) }.first)
                let shown = try #require(Int(title.1))...#require(Int(title.2))
                #expect(shown.contains(number), "lesson \(number) at \(width)×\(height)")
                #expect(screen.lines.contains { $0.contains("About lesson \(number).") }, "lesson \(number) at \(width)×\(height)")
            }
        }
    }

    @Test func theHelpListsEveryBindingOfTheSlidesAlignedAtTheSmallestTerminal() throws {
        for unicode in [true, false] {
            let glyphs: Glyphs = unicode ? .unicode : .ascii
            let screen = try TutorState.atFirstSlide(in: "primer", unicode: unicode).applying(.toggleHelp).screen(width: 60, height: 16)
            var columns = Set<Int>()
            for binding in KeyBindings.bindings(in: .slides) {
                let row = screen.lines.first { $0.contains(glyphs.ui(binding.help)) }
                #expect(row?.contains(glyphs.ui(binding.label)) == true, "\(binding.help), unicode: \(unicode)")
                if let row, let range = row.range(of: glyphs.ui(binding.help)) { columns.insert(row.distance(from: row.startIndex, to: range.lowerBound)) }
            }
            #expect(columns.count == 1, "the meanings start in one column, unicode: \(unicode)")
        }
    }

    @Test func everySlideKeepsTheStatusLineWhole() throws {
        for state in try Self.everySlide() + Self.everySlide(unicode: false) {
            for (width, height) in [(60, 16), (80, 24), (160, 50)] {
                let screen = state.screen(width: width, height: height)
                #expect(screen.lines.last?.hasSuffix("q quit") == true || screen.lines.last?.contains("q quit ") == true,
                        "\(state.lesson.id) \(state.slideIndex + 1) at \(width)×\(height)")
            }
        }
    }

    @Test func aLongBracketedFormulaBreaksAfterACommaNeverInsideANumber() {
        let pieces = ["crossentropy([0.580013, 0.419987], [1.000000, 1 − 1.000000])", "0.544697"]
        let lines = wrapPieces("L = crossentropy(p, [y, 1 − y])", pieces, separator: " = ", width: 54, indent: 6)
        #expect(lines.allSatisfy { $0.count <= 54 }, "\(lines)")
        let numbers = ["0.580013", "0.419987", "1.000000", "0.544697"]
        #expect(numbers.allSatisfy { number in lines.contains { $0.contains(number) } }, "\(lines)")
    }
}
