import BackpropEngine
import Lessons
import TestSupport
import Testing
import TextScreen
@testable import TutorApp

/// The iteration table keeps the columns its slide names in view at every size and precision,
/// stacks vectors and matrices when narrow, and scrolls the other columns sideways with `{` `}`.
@Suite struct TableTests {
    /// Every shipped table slide: its lesson and the columns it names.
    static func tableSlides() throws -> [(lesson: String, named: [IterationTable.Column])] {
        try LessonLibrary.shipped().flatMap { lesson in
            lesson.slides.flatMap(\.allItems).compactMap { item in
                if case .table(let named) = item { return (lesson.id, named) }
                return nil
            }
        }
    }

    /// The sizes and glyphs the named columns must survive at.
    static let screens: [(width: Int, height: Int, unicode: Bool)] = [(60, 16, true), (80, 24, true), (80, 24, false), (60, 16, false)]

    @Test(arguments: try tableSlides())
    func theNamedColumnsSurviveEverySizeAndPrecision(lesson: String, named: [IterationTable.Column]) throws {
        for (width, height, unicode) in Self.screens {
            var state = try TutorState.atFirstSlide(in: lesson, unicode: unicode) { $0.allItems.contains(.table(named)) }
            for precision in [2, 4, 6] {
                let lines = Self.columnLines(state, width: width, height: height)
                for column in named {
                    let found = Self.cells(of: column.heading(state.notation), in: lines)
                    for (trace, cell) in zip(state.computation.traces, found) {
                        let entries = column.value(in: trace)?.scalars.map(state.notation.number) ?? []
                        #expect(Self.holds(cell, entries), "\(lesson) \(width)×\(height) unicode \(unicode) at \(precision) decimals: \(column) reads '\(cell)', not \(entries)")
                    }
                    #expect(found.count == state.computation.traces.count, "\(lesson) \(width)×\(height) unicode \(unicode) at \(precision) decimals: \(column) \(found)")
                }
                state = state.pressing(.character("p"))
            }
        }
    }

    @Test func aNarrowTableStacksAVectorInsideItsCell() throws {
        let state = try TutorState.atFirstSlide(in: "wider") { $0.allItems.contains(.table([.value("p"), .value("L")])) }
        let lines = state.screen(width: 80, height: 24).lines
        let p = try #require(state.computation.traces.first?.values["p"]?.scalars.map(state.notation.number))
        let top = try #require(lines.firstIndex { $0.contains("⎡\(p[0])⎤") })
        #expect(lines[top].hasPrefix(" 1  ") && lines[top + 1].contains("⎣\(p[1])⎦"))
    }

    @Test func aTableThatFitsIsWholeInTheDecksOrderAndDoesNotScroll() throws {
        let state = try TutorState.atFirstSlide(in: "linear") { $0.allItems.contains(where: \.isTable) }
            .pressing(.resize(width: 120, height: 40))
        #expect(Self.headings(state) == ["#", "h", "L", "∂L/∂h", "∂L/∂w", "∂L/∂b", "w", "b"])
        let pressed = state.pressing(.character("}"))
        #expect(pressed.current.tableScroll == state.current.tableScroll && Self.headings(pressed) == Self.headings(state))
    }

    @Test func closingBracesScrollTheOtherColumnsPastTheNamedOnesAndOpeningBracesBack() throws {
        let start = try Self.widerTable(width: 80, height: 24)
        let moved = start.pressing(.character("}"))
        let back = moved.pressing(.character("{"))
        #expect(Self.windowHeadings(start).first == "h" && Self.windowHeadings(moved).first == "q")
        #expect(Self.headings(moved).prefix(3) == ["#", "p", "L"])
        #expect(render(back).screen == render(start).screen)
        #expect(render(start).screen.lines.contains { $0.hasPrefix(" 8 more columns: } shows them") })
        #expect(render(moved).screen.lines.contains { $0.hasPrefix(" 1 column to the left, 7 more: { and } show them") })
        #expect(start.pressing(.character("{")).current.tableScroll == start.current.tableScroll)
    }

    @Test func scrollingSidewaysStopsAtTheLastColumnSoThatScrollingBackStartsAtOnce() throws {
        let end = try Self.widerTable(width: 80, height: 24).pressing(Array(repeating: .character("}"), count: 30))
        #expect(Self.windowHeadings(end).last == "V")
        #expect(render(end).screen.lines.contains { $0.contains("columns to the left: { shows them") })
        #expect(render(end.pressing(.character("}"))).screen == render(end).screen)
        #expect(render(end.pressing(.character("{"))).screen != render(end).screen)
    }

    @Test func scrollingSidewaysKeepsTheSlideScrolledAndEachLessonItsOwnColumnsAndActsOnlyOnATable() throws {
        let scrolled = try Self.widerTable(width: 60, height: 16).pressing(.character("j"), .character("}"))
        #expect(scrolled.scroll == 3 && scrolled.current.tableScroll == 1)
        #expect(scrolled.pressing(.pageUp, .character("}"), .pageDown).current.tableScroll == 1)
        let elsewhere = scrolled.pressing(.character("2"))
        #expect(elsewhere.current.tableScroll == 0)
        #expect(elsewhere.pressing(.character("4")).current.tableScroll == 1)
    }

    /// A lesson whose model is one layer `h = W @ x` of `n` inputs and outputs, its table
    /// keeping L in view.
    static func wideLesson(_ n: Int) throws -> Lesson {
        let row = { (i: Int) in "[" + (0..<n).map { j in "\(Double((i * 7 + j * 3) % 11 - 5) / 100)" }.joined(separator: ", ") + "]" }
        let text = """
        # Wide

        ```model
        input x = [\((0..<n).map { "\(Double($0 % 5) / 10)" }.joined(separator: ", "))]
        target y = [\((0..<n).map { "\(Double($0 % 3) / 10)" }.joined(separator: ", "))]
        param W = [\((0..<n).map(row).joined(separator: ", "))]
        rate eta = 0.1
        h = W @ x
        loss L = 0.5*sum((h - y)^2)
        ```

        ## Table

        show: table L
        """
        return try Lesson(parsing: text, file: "wide.md", id: "wide")
    }

    @Test func matricesWiderThanTheScreenAreColumnsTheWindowStepsOnto() throws {
        var state = TutorState(lessons: [try Self.wideLesson(12)]).pressing(.resize(width: 80, height: 24))
        var seen: [[String]] = []
        for _ in 0..<6 {
            let width = Layout(width: 80, height: 24, panel: true).mainWidth
            let lines = SlideContent(state: state, width: width, glyphs: .unicode).lines().lines.map { $0.spans.map(\.text).joined().prefix(width) }
            let headings = lines.filter { $0.hasPrefix("#") }.map { $0.split(separator: " ").map(String.init) }
            seen.append(headings.joined().filter { $0 != "#" && $0 != "│" && $0 != "L" } + lines.filter { $0.contains("column") }.map(String.init))
            state = state.pressing(.character("}"))
        }
        // The vectors h and ∂L/∂h stand beside L; ∂L/∂W and W, twelve entries a row, are wider
        // than the screen: the window steps onto each in a band of its own, and stops at W.
        #expect(seen == [
            ["h", "∂L/∂h", "2 more columns: } shows them"], ["∂L/∂h", "1 column to the left, 2 more: { and } show them"],
            ["2 columns to the left, 1 more: { and } show them"], ["3 columns to the left: { shows them"],
            ["3 columns to the left: { shows them"], ["3 columns to the left: { shows them"],
        ])
    }

    static let layouts: [(widths: [Int], kept: [Bool], room: Int, offset: Int, bands: [TableLayout.Band], maximum: Int, left: Int, right: Int)] = [
        // Everything fits: one band, no window.
        ([4, 4, 4], [true, false, false], 18, 0, [.init(kept: [0, 1, 2])], 0, 0, 0),
        // One column short: the kept column, a divider and a window of one.
        ([4, 4, 4], [true, false, false], 17, 0, [.init(kept: [0], window: [1])], 1, 0, 1),
        ([4, 4, 4], [false, true, false], 17, 5, [.init(kept: [1], window: [2])], 1, 1, 0),
        // The kept columns wrap into bands; the window follows the last.
        ([8, 8, 8, 3], [true, true, true, false], 22, 0, [.init(kept: [0, 1]), .init(kept: [2], window: [3])], 0, 0, 0),
        // A column too wide to stand beside the kept ones: the window gets a band of its own.
        ([10, 10, 30, 4], [true, true, false, false], 30, 0, [.init(kept: [0, 1]), .init(window: [2])], 1, 0, 1),
    ]

    @Test(arguments: layouts.indices)
    func columnsAreKeptInBandsAndTheOthersScrollInAWindow(index: Int) {
        let expected = Self.layouts[index]
        let layout = TableLayout(widths: expected.widths, kept: expected.kept, room: expected.room, offset: expected.offset)
        #expect(layout.bands == expected.bands)
        #expect((layout.maximum, layout.left, layout.right) == (expected.maximum, expected.left, expected.right))
    }

    /// Wider's table slide at `width` × `height`.
    static func widerTable(width: Int, height: Int) throws -> TutorState {
        try TutorState.atFirstSlide(in: "wider") { $0.allItems.contains(.table([.value("p"), .value("L")])) }
            .pressing(.resize(width: width, height: height))
    }

    /// The words of the table's first heading line.
    static func headings(_ state: TutorState) -> [String] {
        let width = Layout(width: state.size.width, height: state.size.height, panel: true).mainWidth
        let heading = render(state).screen.lines.first { $0.hasPrefix(" #") } ?? ""
        return heading.prefix(width + 1).split(separator: " ").map(String.init)
    }

    /// The headings right of the divider.
    static func windowHeadings(_ state: TutorState) -> [String] {
        Array(headings(state).drop { $0 != "│" }.dropFirst())
    }

    /// The lines of the slide's column, top to bottom, read off the screen while scrolling down
    /// with `j`.
    static func columnLines(_ state: TutorState, width: Int, height: Int) -> [String] {
        var state = state.pressing(.resize(width: width, height: height))
        let layout = Layout(width: width, height: height, panel: state.model != nil)
        var lines: [Int: String] = [:]
        while true {
            let screen = render(state).screen
            let offset = state.viewport.offset(scrolledBy: state.scroll)
            for row in 0..<layout.bodyHeight {
                lines[offset + row] = String(screen.lines[layout.bodyTop + row].prefix(layout.mainWidth + 1))
            }
            if offset >= state.viewport.maximum { return lines.keys.sorted().compactMap { lines[$0] } }
            state = state.pressing(.character("j"))
        }
    }

    /// The cells under `heading` in the table of `lines`, one per iteration (the lines of a
    /// stacked cell joined): from the end of the heading before it to the end of `heading`.
    static func cells(of heading: String, in lines: [String]) -> [String] {
        for (index, text) in lines.enumerated() where text.drop(while: { $0 == " " }).hasPrefix("#") {
            guard let word = text.split(separator: " ").first(where: { $0 == heading }) else { continue }
            let row = Array(text)
            let end = text.distance(from: text.startIndex, to: word.endIndex)
            let start = (row[..<(end - heading.count)].lastIndex { $0 != " " } ?? 0) + 1
            let numbers = (row.firstIndex(of: "#") ?? 0) + 1
            var cells: [String] = []
            for line in lines[(index + 1)...].map(Array.init) where line.count >= end {
                let number = String(line[..<numbers]).filter { $0 != " " }
                guard String(line[numbers..<(numbers + 2)]) == "  " else { break }
                if !number.isEmpty && number.allSatisfy(\.isNumber) {
                    cells.append("")
                } else if !number.isEmpty || cells.isEmpty || line.allSatisfy({ $0 == " " }) {
                    break
                }
                cells[cells.count - 1] += " " + String(line[start..<end])
            }
            return cells
        }
        return []
    }

    /// True when `cell` holds `entries` in order, each a whole number.
    static func holds(_ cell: String, _ entries: [String]) -> Bool {
        let numbers = cell.split { " [],⎡⎢⎣⎤⎥⎦|".contains($0) }.map(String.init)
        return !entries.isEmpty && numbers == entries
    }
}
