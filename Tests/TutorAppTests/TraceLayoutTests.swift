import BackpropEngine
import Lessons
import TestSupport
import Testing
@testable import TutorApp

/// The trace draws vectors as columns and matrices with tall brackets where the line fits, and
/// writes them on one line where it does not.
@Suite struct TraceLayoutTests {
    /// The wide net's backprop slide stepped to ∂L/∂W.
    static func atWeightGradient(unicode: Bool = true) throws -> TutorState {
        let start = try TutorState.atFirstSlide(in: "wider", unicode: unicode) { $0.stepsTrace }
        let index = try #require(start.steps(of: start.slide).firstIndex { $0.pass == .backward && $0.node == "W" })
        return start.applying(.next, times: index + 1)
    }

    /// The column at which `text` starts in `line`, if it is there.
    static func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }

    @Test(arguments: [(80, 24), (160, 50)])
    func theWeightGradientReadsAsAColumnTimesARowWithOneEntryWorkedOut(width: Int, height: Int) throws {
        let lines = try Self.atWeightGradient().screen(width: width, height: height).lines
        let top = try #require(lines.firstIndex { $0.contains("⎡−0.0888⎤ · [1.00, 2.00] = ⎡−0.09  −0.18⎤") })
        let bottom = lines[top + 1]
        // The second entries stand under the first: ∂L/∂h a column, the result a matrix.
        #expect(Self.column(of: "⎣ 0.0648⎦", in: bottom) == Self.column(of: "⎡−0.0888⎤", in: lines[top]))
        #expect(Self.column(of: "⎣ 0.06   0.13⎦", in: bottom) == Self.column(of: "⎡−0.09  −0.18⎤", in: lines[top]))
        #expect(lines[top + 2].contains("∂L/∂W₁₂ = ∂L/∂h₁ · x₂ = −0.09 · 2.00 = −0.18"))
        let product = try #require(lines.firstIndex { $0.contains("⎡−0.38⎤ ⊙ ⎡0.62⎤ ⊙ (1 − ⎡0.62⎤) = ⎡−0.09⎤") })
        #expect(lines[product + 1].contains("⎣ 0.28⎦   ⎣0.65⎦        ⎣0.65⎦    ⎣ 0.06⎦"))
    }

    @Test func atTheWidestTheGraphStandsBesideTheTrace() throws {
        let lines = try Self.atWeightGradient().screen(width: 160, height: 50).lines
        #expect(lines.contains { $0.contains("Graph: ") && $0.contains("Forward pass: values") })
    }

    @Test func withoutUTF8ColumnsStandBetweenASCIIBrackets() throws {
        let lines = try Self.atWeightGradient(unicode: false).screen(width: 80, height: 24).lines
        let top = try #require(lines.firstIndex { $0.contains("[-0.0888] @ [1.00, 2.00] = [-0.09  -0.18]") })
        #expect(lines[top + 1].contains("[ 0.0648]                  [ 0.06   0.13]"))
    }

    @Test func whereAColumnDoesNotFitTallItIsWrittenOnOneLine() throws {
        let model = try #require(try LessonLibrary.shipped("wider").model)
        let trace = try #require(try model.train(iterations: 1).first)
        let view = TraceView(
            model: model, trace: trace, before: nil, check: [:], steps: trace.steps, revealed: trace.steps.count, remarks: false,
            notation: Notation(loss: model.loss), glyphs: .unicode, width: 20, written: WrittenSteps()
        )
        let text = view.lines().lines.map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("[−0.0888;"), "\(text)")
        #expect(!text.contains("⎡−0.0888⎤"))
    }

    @Test(arguments: [
        ("[a; b] · [c, d]", true, ["⎡a⎤ · [c, d]", "⎣b⎦         "]),
        ("[a; b] · [c, d]", false, ["[a] * [c, d]", "[b]         "]),
        ("[[a, bb], [c, d]]ᵀ = M", true, ["⎡a  bb⎤ᵀ = M", "⎣c   d⎦     "]),
        ("[y; 1 − y; z]", true, ["⎡    y⎤", "⎢1 − y⎥", "⎣    z⎦"]),
        ("L = −[y · log p₁ + (1 − y) · log p₂]", true, ["L = −[y · log p₁ + (1 − y) · log p₂]"]),
    ])
    func aFormulaDrawsColumnsAndMatricesTallAndLeavesRowsInline(formula: String, unicode: Bool, lines: [String]) {
        let glyphs: Glyphs = unicode ? .unicode : .ascii
        #expect(formulaBlock(glyphs.display(formula), glyphs: glyphs).lines == lines)
    }
}
