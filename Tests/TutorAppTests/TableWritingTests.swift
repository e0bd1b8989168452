import BackpropEngine
import Lessons
import TestSupport
import Testing
@testable import TutorApp

/// The iteration table measures its stacked vectors and matrices without writing every entry,
/// and writes a row of many numbers only when it is on screen; what shows reads as if every
/// number were written.
@Suite struct TableWritingTests {
    /// Numbers around the places where rounding adds a digit, on either side of zero.
    static let numbers: [Double] = (-9...5).flatMap { exponent -> [Double] in
        [1, 4.999, 5, 5.0001, 9.4999, 9.5, 9.9949, 9.995, 9.99951].map { Double("\($0)e\(exponent)") ?? 0 }
    }.filter { $0 < TableView.widerFartherBelow }

    @Test(arguments: [2, 4, 6], [true, false])
    func aNumberTakesNoFewerColumnsWrittenTheFartherItLiesFromZero(precision: Int, unicode: Bool) {
        let notation = Notation(loss: "L", precision: precision, unicode: unicode)
        for sign in [1.0, -1.0] {
            let widths = Self.numbers.sorted().map { notation.number(sign * $0).count }
            #expect(widths == widths.sorted(), "sign \(sign) at \(precision) decimals")
        }
    }

    /// Cells of every shape, with numbers of mixed signs and widths, one beyond a million, one
    /// not a number.
    static let values: [Tensor?] = [
        nil, Tensor(-0.004), Tensor(shape: .vector(4), scalars: [0.5, -12.25, 3, 0.001]),
        Tensor(shape: .vector(2), scalars: [2_500_000, -1]), Tensor(shape: .vector(3), scalars: [1, .nan, -3]),
        Tensor(shape: .matrix(3, 4), scalars: [1, -22.5, 0.333, 4, -5, 6, 777.125, -0.0001, 9, 10, -11, 0.5]),
        Tensor(shape: .matrix(1, 3), scalars: [-1, 20, 0.25]),
    ]

    @Test(arguments: values)
    func aCellIsMeasuredAsWideAsItIsWritten(value: Tensor?) throws {
        let model = try #require(try LessonLibrary.shipped("linear").model)
        for (precision, stacked, unicode) in [(2, true, true), (6, true, false), (2, false, true), (4, false, false)] {
            let table = TableView(
                model: model, iterations: [], before: nil, check: nil, named: [], offset: 0, shows: nil,
                notation: Notation(loss: "L", precision: precision, unicode: unicode), glyphs: unicode ? .unicode : .ascii, width: 80
            )
            #expect(table.width(of: value, stacked: stacked) == table.cell(value, stacked: stacked).map(\.count).max(), "\(precision) decimals, stacked \(stacked)")
        }
    }

    @Test func aTableOfManyNumbersShowsTheLinesOnScreenAsIfAllWereWritten() throws {
        // The window stepped onto W, 400 numbers a row.
        let state = TutorState(lessons: [try TableTests.wideLesson(20)])
            .pressing(.resize(width: 120, height: 40), .character("t"), .character("}"), .character("}"), .character("}"))
        let width = Layout(width: 120, height: 40, panel: true).mainWidth
        let all = SlideContent(state: state, width: width, glyphs: .unicode).lines()
        #expect(!all.blanked && all.lines.count > 150)
        let (count, half) = (all.lines.count, all.lines.count / 2)
        for shows in [0..<37, 20..<57, half..<(half + 37), (count - 37)..<count] {
            let some = SlideContent(state: state, width: width, glyphs: .unicode, shows: shows).lines()
            #expect(some.blanked, "rows off \(shows) are left blank")
            #expect(some.lines.count == all.lines.count && some.focus == all.focus && some.tableMaximum == all.tableMaximum)
            let alike = some.lines[shows] == all.lines[shows]
            #expect(alike, "the lines \(shows) read alike")
        }
    }
}
