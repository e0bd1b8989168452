import BackpropEngine
import Testing
@testable import Lessons

/// A malformed lesson names the file, line and column of its mistake.
@Suite struct LessonErrorTests {
    static let model = "```model\ninput x = 1\nparam w = 2\neta = 0.1\nh = w*x\nloss L = h^2\n```\n"

    /// `h = w+w+…+w` with 50,000 terms: a 100 KB line.
    static let chain = Array(repeating: "w", count: 50_000).joined(separator: "+")
    static let tooDeep = "the expression is more than 200 levels deep (each operator of a chain such as a + b + c is one level)"

    static let cases: [(text: String, line: Int, column: Int, message: String)] = [
        ("Title\n", 1, 1, "a lesson starts with its title: '# Title'"),
        ("# Title\n", 1, 1, "the lesson has no slides: add one with '## Slide title'"),
        ("# T\n" + model.replacingOccurrences(of: "h^2", with: "h^2 +"), 7, 15, "expected a number, a name or '(' but found the end of the line"),
        ("# T\n" + model + "## S\nshow: trace chart\n", 10, 13, "unknown item 'chart' (known: graph, trace, table, landscape, rows, decision)"),
        ("# T\n" + model + "## S\njacobian: h z\n", 10, 13, "unknown node 'z' (known: x, w, h, L)"),
        ("# T\n" + model + "## S\nquestion: why?\nanswer: w +\n", 11, 12, "expected a number, a name or '(' but found the end of the line"),
        ("# T\n" + model + "## S\nquestion: why?\nanswer: q\n", 11, 9, "unknown name 'q'"),
        ("# T\n" + model + "## S\nquestion: why?\nmore\n", 10, 1, "the question is followed by its 'answer: EXPR' line"),
        ("# T\n" + model + "## S\nshow: graph | trace table\n", 10, 21, "one item on each side of '|', as in 'show: graph | trace'"),
        ("# T\n" + model + "## S\nshow: graph |\n", 10, 13, "one item on each side of '|', as in 'show: graph | trace'"),
        ("# T\n" + model + "## S\nshow: | graph\n", 10, 7, "one item on each side of '|', as in 'show: graph | trace'"),
        ("# T\n" + model + "## S\nshow: trace\nshow: graph|trace\n", 11, 13, "a slide steps through one trace"),
        ("# T\n" + model + "## S\nshow: table h z\n", 10, 15, "unknown table column 'z' (known: h, L, dL/dh, dL/dw, w)"),
        ("# T\n" + model + "## S\nshow: table x\n", 10, 13, "unknown table column 'x' (known: h, L, dL/dh, dL/dw, w)"),
        ("# T\n" + model + "## S\nshow: table dL/dL\n", 10, 13, "unknown table column 'dL/dL' (known: h, L, dL/dh, dL/dw, w)"),
        ("# T\n" + model + "## S\nshow: table h L graph\n", 10, 17, "unknown table column 'graph' (known: h, L, dL/dh, dL/dw, w)"),
        ("# T\n" + model + "## S\nshow: graph | table w q | trace\n", 10, 23, "unknown table column 'q' (known: h, L, dL/dh, dL/dw, w)"),
        ("# T\n" + model + "## S\nshow: table ∂L/∂h w dL/dh\n", 10, 21, "the column 'dL/dh' is named twice"),
        ("# T\n" + model + "## S\nsteps: h\n", 10, 1, "'steps:' follows the slide's 'show: trace' line"),
        ("# T\n" + model + "## S\nshow: trace\nsteps: L..z\n", 11, 11, "no gradient step for 'z' (known: L, h, w, x)"),
        ("# T\n" + model + "## S\nshow: trace\nsteps: h\nsteps: L\n", 12, 1, "a slide chooses its steps once"),
        ("# T\n" + model + "## S\nshow: landscape w\n", 10, 7, "a landscape names two scalar parameters, as in 'landscape w b'"),
        ("# T\n" + model + "## S\nshow: landscape w x\n", 10, 19, "'x' is not a scalar parameter (known: w)"),
        ("# T\n" + model + "## S\nshow: landscape w 3..1 w\n", 10, 19, "a window is written LOW..HIGH with LOW < HIGH, as in -1..3"),
        ("# T\n## S\nshow: trace\n", 3, 1, "'show:' needs a model: add a ```model block before the first slide"),
        ("# T\n## S\n```formulas\na = b\n", 3, 1, "the ``` block opened here is never closed"),
        ("# T\n## S\n```python\n```\n", 3, 4, "unknown block '```python' (known: model, data, formulas)"),
        ("# T\n" + model + model, 9, 4, "a lesson has one model block before its slides; a slide may carry its own"),
        ("# T\n" + model + "## S\nshow: graph\n" + model, 11, 4,
         "a slide shows what it computes after its model block: move the block above the slide's directives"),
        ("# T\n## S\n" + model + model, 10, 4, "a slide has one model block"),
        ("# T\n# U\n## S\n", 2, 1, "only line 1 is a '# ' title; a slide starts with '## '"),
        ("# T\n" + model.replacingOccurrences(of: "h = w*x", with: "h = " + chain), 6, 404, tooDeep),
        ("# T\n" + model + "## S\nquestion: why?\nanswer: " + chain + "\n", 11, 408, tooDeep),
        ("# T\n" + model.replacingOccurrences(of: "param w = 2", with: "param w = 1e309"), 4, 11,
         "'1e309' is too large for a number (the largest is about 1.8e308)"),
        ("# T\n" + model.replacingOccurrences(of: "param w = 2", with: "param w = 0/0"), 4, 12, "the value is not a finite number: it comes out as nan"),
        ("# T\n" + model.replacingOccurrences(of: "eta = 0.1", with: "eta = 2^1024"), 5, 8, "the value is not a finite number: it comes out as inf"),
        ("# T\r\n" + model.replacingOccurrences(of: "\n", with: "\r\n") + "## S\r\nshow: trace chart\r\n", 10, 13,
         "unknown item 'chart' (known: graph, trace, table, landscape, rows, decision)"),
    ]

    @Test(arguments: cases.indices)
    func mistakeIsReportedAsFileLineColumnMessage(index: Int) {
        Self.expectMistake(Self.cases[index])
    }

    /// Expects the lesson `text`, read as `bad.md`, to fail with `bad.md:line:column: message`.
    static func expectMistake(_ expected: (text: String, line: Int, column: Int, message: String)) {
        #expect(throws: LessonError(file: "bad.md", line: expected.line, column: expected.column, message: expected.message)) {
            try Lesson(parsing: expected.text, file: "bad.md", id: "bad")
        }
    }

    @Test func aTableNamesItsColumnsUpToTheNextBarOrTheEndOfTheLine() throws {
        let lesson = try Lesson(parsing: "# T\n" + Self.model + """
            ## S
            show: graph | table L ∂L/∂h dL/dw w | trace
            show: table
            show: graph table h
            """, file: "t.md", id: "t")
        let named: [IterationTable.Column] = [.value("L"), .gradient("h"), .gradient("w"), .updated("w")]
        #expect(lesson.slides.first?.items == [.beside([.graph, .table(named), .trace]), .table([]), .graph, .table([.value("h")])])
    }

    @Test func aLessonWrittenOnWindowsOrWithAByteOrderMarkReadsAsTheSameLesson() throws {
        let text = "# T\nA summary.\n" + Self.model + "## S\nSome prose.\n- a bullet\nshow: graph trace\nquestion: why?\nanswer: x\n"
        let read = { (text: String) throws(LessonError) -> Lesson in try Lesson(parsing: text, file: "t.md", id: "t") }
        let plain = try read(text)
        for variant in [text.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + text, "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let lesson = try read(variant)
            #expect(lesson.title == plain.title && lesson.summary == plain.summary)
            #expect(lesson.slides.map(\.title) == plain.slides.map(\.title) && lesson.slides.map(\.items) == plain.slides.map(\.items))
            #expect(lesson.model?.nodes == plain.model?.nodes)
        }
    }

    @Test func lessonIdsComeFromFileNames() {
        #expect(LessonLibrary.id(ofFileNamed: "2-linear.md") == "linear")
        #expect(LessonLibrary.id(ofFileNamed: "12-my-net.md") == "my-net")
        #expect(LessonLibrary.id(ofFileNamed: "custom.md") == "custom")
    }

    @Test func aSlideKeepsItsItemsInTheOrderWritten() throws {
        let lesson = try Lesson(parsing: "# T\nSummary here.\n" + Self.model + """
            ## First
            Some prose
            on two lines.

            - a bullet
            > The deck differs: a note.
            ```formulas
            ∂L/∂w = ∂L/∂h · x
            ```
            show: graph trace
            jacobian: h w
            question: What is ∂h/∂w?
            answer: x
            Closing words.
            show: table|graph
            """, file: "t.md", id: "t")
        #expect(lesson.summary == "Summary here.")
        let slide = try #require(lesson.slides.first)
        let question = Slide.Question(text: "What is ∂h/∂w?", answer: try Expr(parsing: "x"))
        #expect(slide.items == [
            .paragraph("Some prose on two lines."), .bullet("a bullet"), .note("The deck differs: a note."),
            .formulas(["∂L/∂w = ∂L/∂h · x"]), .graph, .trace, .jacobian(Slide.JacobianRequest(output: "h", input: "w")),
            .question(question), .paragraph("Closing words."), .beside([.table([]), .graph]),
        ])
        #expect(slide.stepsTrace && slide.question == question && slide.jacobians == [Slide.JacobianRequest(output: "h", input: "w")])
    }
}
