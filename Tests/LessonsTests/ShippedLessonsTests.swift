import BackpropEngine
import TestSupport
import Testing
@testable import Lessons

/// The lessons built into the binary load, follow the deck, and compute gradients that agree with
/// central differences at their own starting values and at random ones.
@Suite struct ShippedLessonsTests {
    @Test func everyShippedLessonLoadsInTheDecksOrder() throws {
        let lessons = try LessonLibrary.builtIn()
        #expect(lessons.map(\.id) == ["primer", "linear", "deeper", "wider", "xor", "closing", "playground"])
        for lesson in lessons { #expect(!lesson.slides.isEmpty, "\(lesson.id) has no slides") }
    }

    @Test func theFolderOnDiskMatchesTheBuiltInSet() throws {
        let folder = try LessonLibrary.load(directory: Self.lessonsFolder)
        let shipped = try LessonLibrary.shipped()
        #expect(folder.problems.isEmpty)
        #expect(folder.lessons.map(\.id) == shipped.map(\.id))
        #expect(folder.lessons.map(\.slides.count) == shipped.map(\.slides.count))
    }

    @Test func nodeNamesFollowTheDecksSymbols() throws {
        let names = { (id: String) in Set(try LessonLibrary.shipped(id).model?.nodes ?? []) }
        #expect(try names("linear") == ["x", "y", "w", "b", "h", "L"])
        #expect(try names("deeper") == ["x", "y", "w", "b", "v1", "v2", "h", "q", "o1", "o2", "p", "L"])
        #expect(try names("wider") == ["x", "y", "W", "b", "V", "h", "q", "o", "p", "L"])
    }

    @Test func everySlipOfTheDeckIsPointedOutOnItsSlide() throws {
        let notes = try LessonLibrary.shipped().flatMap(\.slides).flatMap(\.allItems).compactMap { item -> String? in
            if case .note(let text) = item, text.hasPrefix("The deck differs") { return text }
            return nil
        }
        #expect(notes.count >= 6)
    }

    @Test func deeperGoesFromTheLossStraightToTheScoresAsPMinusY() throws {
        let model = try #require(try LessonLibrary.shipped("deeper").model)
        let trace = try model.trace()
        let writer = FormulaWriter(notation: Notation(), shapes: model.shapes)
        let lines = trace.backward.map { writer.text(for: Trace.Step.backward($0), trace.bindings).line }
        #expect(lines.contains("∂L/∂o₁ = p₁ − y = 0.58 − 1.00 = −0.42"))
        #expect(lines.contains("∂L/∂o₂ = p₂ − (1 − y) = 0.42 − (1 − 1.00) = 0.42"))
        #expect(!trace.backward.contains { $0.node == "p" })
    }

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"])
    func backpropMatchesCentralDifferencesAtTheLessonsValuesAndTwentyRandomOnes(id: String) throws {
        let model = try #require(try LessonLibrary.shipped(id).model)
        var generator = SplitMix64(seed: 2026)
        var settings = [model.startingValues]
        for _ in 0..<20 {
            var values = model.startingValues
            for variable in model.variables where variable.role != .target {
                values[variable.name] = variable.value.map { _ in Double.random(in: -2...2, using: &generator) }
            }
            settings.append(values)
        }
        for values in settings {
            for check in try model.gradientCheck(at: values) {
                #expect(check.error < 1e-6, "\(id) \(check.node)[\(check.entry)]: \(check.backprop) vs \(check.centralDifference)")
            }
        }
    }

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"])
    func inASCIIEveryStepAndTheTableArePlainASCII(id: String) throws {
        let model = try #require(try LessonLibrary.shipped(id).model)
        let notation = Notation(loss: model.loss, unicode: false)
        let writer = FormulaWriter(notation: notation, shapes: model.shapes)
        let traces = try model.train(iterations: 2)
        let steps = traces.flatMap { trace in trace.steps.map { writer.text(for: $0, trace.bindings) } }
        for line in steps.map(\.line) + steps.compactMap(\.remark) + IterationTableText(model: model, notation: notation).lines(traces) {
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
        }
    }

    @Test(arguments: ["linear", "deeper", "wider", "xor", "closing", "playground"])
    func onlyTheLossOwnGradientSaysWhyItIsOne(id: String) throws {
        let model = try #require(try LessonLibrary.shipped(id).model)
        let trace = try model.trace()
        let writer = FormulaWriter(notation: Notation(loss: model.loss), shapes: model.shapes)
        let remarked = trace.steps.filter { writer.text(for: $0, trace.bindings).remark != nil }
        #expect(remarked.map(\.node) == [model.loss] && remarked.map(\.pass) == [.backward])
        #expect(writer.text(for: try #require(remarked.first), trace.bindings).remark == "the loss changes one for one with itself")
    }

    @Test func everyShippedTableNamesTheColumnsItsSlideTalksAbout() throws {
        for lesson in try LessonLibrary.shipped() {
            for slide in lesson.slides {
                for case .table(let named) in slide.allItems {
                    #expect(!named.isEmpty, "\(lesson.id): '\(slide.title)' shows a table without naming its columns")
                }
            }
        }
    }

    static var lessonsFolder: String {
        let file = "\(#filePath)"
        return file.components(separatedBy: "/Tests/").dropLast().joined(separator: "/Tests/") + "/lessons"
    }
}
