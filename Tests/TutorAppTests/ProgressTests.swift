import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// Where the learner is in each lesson is kept while they visit others, handed over for saving,
/// and taken up again from what was saved.
@Suite struct ProgressTests {
    /// Deeper at its question, answered right, a value nudged, ten more iterations trained and
    /// the second one shown.
    let played: TutorState

    init() throws {
        played = try TutorState.atFirstSlide(in: "deeper") { $0.question != nil }
            .pressing(.character("a")).typing("q*(1-q)").pressing(.enter, .down, .character("+"), .character("t"), .character(")"))
    }

    /// What `state` would save, one entry per lesson, as the tutor hands it back at the start.
    func saved(_ state: TutorState) -> [LessonProgress?] {
        state.progress.map { $0.visited ? $0 : nil }
    }

    @Test func aLessonOpenedAgainOpensWhereTheLearnerLeftIt() throws {
        let deeper = try TutorState.atSlide(2, in: "deeper").pressing(.right)
        #expect(deeper.step == 1)
        let away = deeper.pressing(.character("2"))
        #expect(away.lesson.id == "linear" && away.slideIndex == 0)
        let back = away.pressing(.character("m"), .down, .enter)
        #expect(back.lesson.id == "deeper" && back.slideIndex == 2 && back.step == 1)
    }

    @Test func visitedHoldsEachLessonOpenedWithWhereTheLearnerIs() throws {
        let state = try TutorState.atSlide(2, in: "deeper").pressing(.character("2"), .pageDown)
        #expect(state.visited.map(\.lesson.id) == ["linear", "deeper"])
        #expect(state.visited.map(\.progress.slide) == [1, 2])
    }

    @Test func savedProgressOpensTheLessonAsItWasLeftAndSaysSoUntilTheFirstKey() throws {
        let resumed = TutorState(lessons: played.lessons, lessonIndex: played.lessonIndex, saved: saved(played), notice: "Resumed.")
        #expect((resumed.slideIndex, resumed.step, resumed.current.iteration) == (played.slideIndex, played.step, 1))
        #expect(resumed.answered == "q*(1-q)" && resumed.feedback?.correct == true)
        #expect(resumed.model?.startingValues == played.model?.startingValues)
        #expect(resumed.model?.startingValues != played.lesson.model?.startingValues)
        #expect(resumed.computation.traces.count == TutorState.initialIterations + 10)
        #expect(resumed.screen(width: 80, height: 24).lines.last?.hasPrefix(" Resumed.") == true)
        #expect(resumed.pressing(.right).notice == nil)
    }

    @Test func resetPutsBackTheValuesAndTheTableButKeepsThePlaceAndTheAnswers() {
        let reset = played.pressing(.character("r"))
        #expect(reset.model?.startingValues == played.lesson.model?.startingValues)
        #expect(reset.current.iterations == TutorState.initialIterations && reset.current.iteration == 0)
        #expect(reset.slideIndex == played.slideIndex && reset.current.answers == played.current.answers)
    }

    @Test func aSavedPlacePastTheLessonsEndIsBroughtWithinIt() throws {
        let lesson = try LessonLibrary.shipped("linear")
        let far = LessonProgress(
            model: lesson.model, iterations: 3, iteration: 7, tableScroll: 0, slide: 40, step: 9, finished: false,
            answers: [:], predictions: PredictionScore(), revealed: []
        )
        let state = TutorState(lessons: [lesson], saved: [far])
        #expect(state.slideIndex == lesson.slides.count - 1 && state.step == state.stepCount(of: state.slide))
        #expect(state.current.iteration == 2)
    }

    @Test(arguments: [true, false])
    func theMenuSaysWhereTheLearnerIsInEachLessonAndMarksThoseFinished(unicode: Bool) throws {
        let state = try TutorState.atSlide(2, in: "deeper", unicode: unicode).pressing(.character("2"), .end, .character("m"))
        let lines = state.screen(width: 100, height: 30).lines
        let finished = unicode ? "(6 slides) ✓" : "(6 slides) done"
        for expected in ["1  Backpropagation primer  (3 slides)", "2  The simplest NN ever  \(finished)", "3  What if we go deeper?  (slide 3 of 7)"] {
            #expect(lines.contains { $0.contains(expected) }, "\(expected)")
        }
    }
}
