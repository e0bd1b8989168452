import BackpropEngine
import Foundation
import TestSupport
import Testing
@testable import Lessons

/// A model block kept line by line as the lesson file writes it, and written back into a lesson
/// file that loads.
@Suite struct LessonWriterTests {
    @Test func theModelBlockIsKeptAsWrittenCommentsAndBlankLinesIncluded() throws {
        let lesson = try LessonLibrary.shipped("deeper")
        #expect(lesson.modelSource.first == "# The deck gives no starting values: these are this lesson's choice.")
        #expect(lesson.modelSource.contains("") && lesson.modelSource.contains("q = sigmoid(h)"))
        #expect(lesson.modelSource.last == "loss L = crossentropy(p, [y, 1 - y])")
        #expect(try LessonLibrary.shipped("primer").modelSource.isEmpty)
    }

    @Test func aWrittenLessonLoadsWithItsModelAGraphBesideTheTraceAndATable() throws {
        let source = try LessonLibrary.shipped("deeper").modelSource.map { $0 == "q = sigmoid(h)" ? "q = tanh(h)" : $0 }
        let text = LessonWriter.lesson(title: "Deeper, edited", summary: "With tanh.", model: source)
        let lesson = try Lesson(parsing: text, file: "3-deeper-edit.md", id: "deeper-edit")
        #expect(lesson.title == "Deeper, edited" && lesson.summary == "With tanh.")
        #expect(lesson.modelSource == source)
        let model = try #require(lesson.model)
        #expect(model.equations.map(\.name) == ["h", "q", "o1", "o2", "p", "L"])
        #expect(isClose(try model.trace().values["q"]?.scalar, tanh(0.6)))
        #expect(lesson.slides.map(\.items).map { $0.filter(\.computes) } == [[.beside([.graph, .trace])], [.table([])]])
    }
}
