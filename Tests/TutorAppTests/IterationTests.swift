import BackpropEngine
import Foundation
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// The trace and the graph show any iteration; training says what it did; a change of a value
/// marks the numbers it changed until the next key.
@Suite struct IterationTests {
    @Test func closingParenthesisStepsIntoLaterIterationsTrainingThemWhenNeeded() throws {
        let updates = try TutorState.atFirstSlide(in: "linear") { $0.steps == [.pass(.update)] }
        let third = updates.pressing(.character(")"), .character(")"), .right, .right)
        #expect(third.current.iteration == 2 && third.computation.traces.count == 3)
        let text = third.screen(width: 120, height: 40).lines
        #expect(text.contains { $0.contains("iteration 3 of 3") })
        #expect(text.contains { $0.contains("b ← b − η · ∂L/∂b = 1.608 − 0.20 · (−0.68) = 1.74") })
        let fourth = third.pressing(.character(")"))
        #expect(fourth.current.iteration == 3 && fourth.computation.traces.count == 4 && fourth.step == 2)
        #expect(fourth.pressing(.character("("), .character("("), .character("("), .character("(")).current.iteration == 0)
    }

    @Test func trainingOnASlideWithoutTheTableSaysWhatItDid() throws {
        let trained = try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace }.pressing(.character("t"))
        #expect(trained.screen(width: 80, height: 24).lines.last?.contains("The table has 13 iterations") == true)
        #expect(trained.pressing(.right).notice == nil)
    }

    @Test func aNodeReadTwiceIsDrawnOnceWithTheNodesItFeeds() throws {
        let lines = try TutorState.atSlide(0, in: "deeper").screen(width: 120, height: 40).lines
        #expect(lines.filter { $0.contains("q  = 0.65") }.count == 1)
        #expect(lines.contains { $0.contains("q  = 0.65  feeds o₁, o₂") })
        #expect(lines.contains { $0.contains("└─ q ↑") })
    }

    @Test func aChangedRateMarksTheTableCellsItChanged() throws {
        let table = try TutorState.atFirstSlide(in: "linear") { $0.allItems.contains(where: \.isTable) }
        let screen = table.pressing(.character("-")).screen(width: 120, height: 40)
        let row = try #require(screen.lines.firstIndex { $0.hasPrefix(" 1  1.10  1.80") })
        let marked = String((0..<screen.width).map { screen[$0, row].style.underline ? screen[$0, row].character : " " })
        #expect(marked.split(separator: " ") == ["0.29", "1.19"], "only row 1's updated w and b change: \(screen.lines[row])")
    }

    @Test func aChangedWeightMarksTheJacobianRowsItChanged() throws {
        let jacobian = try TutorState.atFirstSlide(in: "wider") { !$0.jacobians.isEmpty }
        let nudged = jacobian.pressing(.down, .down, .down, .down, .down, .character("+"))
        #expect(nudged.entries[nudged.selection] == ValueEntry(name: "W", entry: 0))
        let screen = nudged.screen(width: 120, height: 40)
        let heading = try #require(screen.lines.firstIndex { $0.contains("Jacobian ∂h/∂x, computed") })
        let marked = { (y: Int) in (0..<screen.width).contains { screen[$0, y].style.underline && screen[$0, y].character != " " } }
        #expect(marked(heading + 1), "the row holding W₁₁ changed: \(screen.lines[heading + 1])")
        #expect(!marked(heading + 2), "the row of W₂₁, W₂₂ did not: \(screen.lines[heading + 2])")
    }

    @Test func aChangedValueMarksTheNumbersItChangedUntilTheNextKey() throws {
        let stepped = try TutorState.atFirstSlide(in: "linear") { $0.stepsTrace }.pressing(.right, .right)
        let nudged = stepped.pressing(.down, .down, .down, .character("+"))
        #expect(nudged.entries[nudged.selection].name == "w")
        let screen = nudged.screen(width: 120, height: 40)
        func underlined(_ text: String, on screen: Screen) -> Bool {
            guard let y = screen.lines.firstIndex(where: { $0.contains(text) }),
                  let range = screen.lines[y].range(of: text) else { return false }
            let x = screen.lines[y].distance(from: screen.lines[y].startIndex, to: range.lowerBound)
            return (x..<(x + text.count)).allSatisfy { screen[$0, y].style.underline }
        }
        #expect(underlined("1.20", on: screen), "h's new value in the graph")
        #expect(underlined("−1.80", on: screen), "∂L/∂h's new result in the trace")
        #expect(!underlined("3.00", on: screen), "y did not change")
        #expect(!underlined("1.20", on: nudged.pressing(.right).screen(width: 120, height: 40)))
    }
}

/// `g` shows the central-difference estimate beside every gradient on screen, never before its step.
@Suite struct GradientCheckOnScreenTests {
    @Test func theEstimateAppearsBesideAGradientOnlyOnceItsStepIsShown() throws {
        let gradient = try TutorState.atFirstSlide(in: "linear") { $0.steps == [.pass(.backward)] }
        let checking = gradient.pressing(.character("g"), .character("p"), .down, .down, .down)
        #expect(checking.checking && checking.entries[checking.selection].name == "w")
        func text(_ state: TutorState) -> String { state.screen(width: 120, height: 40).lines.joined(separator: "\n") }
        #expect(!text(checking).contains("≈"), "nothing is shown before its step")
        let stepped = checking.pressing(.right, .right, .right)
        #expect(text(stepped).contains("∂L/∂w = ∂L/∂h · ∂h/∂w = ∂L/∂h · x = −1.9000 · 1.0000 = −1.9000"))
        #expect(text(stepped).contains("≈ −1.9000 by central difference (relative difference"))
        #expect(text(stepped).contains("w  = 0.1000  ∇ −1.9000  ≈ −1.9000 (rel. diff."))
        #expect(text(stepped).contains("Gradient check of the value selected: ∂L/∂w ≈ (L(w + ε) − L(w − ε)) / 2ε ="))
        #expect(!text(stepped).contains("∂L/∂b ≈") && !text(stepped).contains("b  = 1.0000  ∇"))
        #expect(!text(stepped.pressing(.character("g"))).contains("≈"))
    }

    @Test func onTheTableTheRowsShownAreCheckedTogether() throws {
        let table = try TutorState.atFirstSlide(in: "wider") { $0.allItems.contains(where: \.isTable) }
        let checked = table.pressing(.character("g"))
        let worst = try #require(checked.tableCheck)
        #expect(worst < 1e-6)
        let text = checked.screen(width: 120, height: 40).lines.joined(separator: " ")
        #expect(text.contains("Every gradient in the rows shown matches its central difference"))
        #expect(table.tableCheck == nil && !table.screen(width: 120, height: 40).lines.joined().contains("central difference"))
    }

    @Test(arguments: [2, 4, 6])
    func theWorkedOutCheckRedoesFromItsOwnNumbers(precision: Int) throws {
        let model = try #require(try LessonLibrary.shipped("deeper").model)
        let trace = try model.trace()
        for (node, differences) in try model.centralDifferences(of: trace) {
            for difference in differences {
                let line = CheckText(notation: Notation(loss: model.loss, precision: precision, unicode: false)).workedOut(difference, entryName: node)
                // … = (A - B) / D = E
                let parts = line.components(separatedBy: " = ")
                let worked = try #require(parts.dropLast().last)
                let shown = try #require(parts.last.flatMap(Double.init))
                let numbers = worked.dropFirst().components(separatedBy: ") / ")
                let losses = (numbers.first ?? "").components(separatedBy: " - ").compactMap(Double.init)
                let divisor = try #require(numbers.last.flatMap(Double.init))
                #expect(losses.count == 2, "\(line)")
                let redone = (losses[0] - losses[1]) / divisor
                #expect(abs(redone - shown) <= 0.5 * pow(10, Double(-(precision + 2))) + 1e-9, "\(line)")
            }
        }
    }
}
