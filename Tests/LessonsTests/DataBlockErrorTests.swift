import BackpropEngine
import Testing
@testable import Lessons

/// A data block, a slide's own model block and the items that show a data set name the file,
/// line and column of their mistakes.
@Suite struct DataBlockErrorTests {
    /// Lines 2 to 11 of a lesson: a model with a 2-vector input x, a scalar input s and a
    /// scalar target y.
    static let model = """
        ```model
        input x = [0, 0]
        input s = 1
        target y = 0
        param w = [1, 1]
        param c = 0
        eta = 0.5
        p = sigmoid(w @ x + c*s)
        loss L = (p - y)^2
        ```

        """

    /// A data block: its fence, then `header` (line 13 after the title and the model), then `rows`.
    static func data(_ header: String, _ rows: String..., info: String = "data") -> String {
        "```\(info)\n" + ([header] + rows).map { $0 + "\n" }.joined() + "```\n"
    }

    /// The title, the model, and `rest`.
    static func lesson(_ rest: String) -> String { "# T\n" + model + rest }

    static let cases: [(text: String, line: Int, column: Int, message: String)] = [
        (lesson(data("x[1] x[2] y", "0 0 0")), 13, 12, "the header names the inputs, '|', then the targets, as in 'x[1] x[2] | y'"),
        (lesson(data("x[1] x[2] | y | y", "0 0 0")), 13, 15, "the header names the inputs, '|', then the targets, as in 'x[1] x[2] | y'"),
        (lesson(data("x[1] z | y", "0 0 | 0")), 13, 6, "unknown input 'z' (inputs: x, s)"),
        (lesson(data("x[1] | q", "0 | 0")), 13, 8, "unknown target 'q' (targets: y)"),
        (lesson(data("x[1] y | y", "0 0 | 0")), 13, 6, "'y' is a target: it goes after '|'"),
        (lesson(data("x[1] | s", "0 | 0")), 13, 8, "'s' is an input: it goes before '|'"),
        (lesson(data("x[1] | w", "0 | 0")), 13, 8, "'w' is a parameter: a data set gives inputs and targets"),
        (lesson(data("x | y", "0 | 0")), 13, 1, "'x' is a 2-vector: name its entries, x[1] x[2]"),
        (lesson(data("x[3] | y", "0 | 0")), 13, 1, "'x' has 2 entries: 'x[3]' is not one of them"),
        (lesson(data("s[1] | y", "0 | 0")), 13, 1, "'s' is a scalar: name it 's'"),
        (lesson(data("x[a] | y", "0 | 0")), 13, 1, "a column is a name or an entry of a vector, as in 'x' or 'x[1]'"),
        (lesson(data("x[1] x[1] | y", "0 0 | 0")), 13, 6, "'x[1]' is named twice"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1", "0 | 1")), 15, 3, "the header names 2 inputs, this row gives 1, as in '0 0 | 1'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1 1")), 14, 9, "the header names 1 target, this row gives 2, as in '0 0 | 1'"),
        (lesson(data("x[1] x[2] | y", "0 0 |")), 14, 6, "the header names 1 target, this row gives 0, as in '0 0 | 1'"),
        (lesson(data("x[1] x[2] | y", "0 a | 1")), 14, 3, "'a' is not a number"),
        (lesson(data("x[1] x[2] | y", "0 0 nan")), 14, 8, "a row is the inputs' numbers, '|', then the targets' numbers, as in '0 0 | 1'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1e999")), 14, 7, "'1e999' is not a number"),
        (lesson(data("x[1] x[2] | y  # comment", "# only a comment")), 12, 4, "the data set has no rows: add one per line under the header, as in '0 1 | 1'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1", info: "data batch: 0")), 12, 9,
         "after '```data' comes nothing (every row at once) or 'batch: N', N rows an iteration, as in 'batch: 1'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + data("x[1] | y", "0 | 1")), 16, 4, "a model has one data block"),
        ("# T\n" + data("x[1] | y", "0 | 1"), 2, 4, "a data block follows the model block it feeds"),
        (lesson("## S\n" + data("x[1] | y", "0 | 1")), 13, 4, "a slide's data block follows the slide's own model block"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + "## S\n" + model.replacingOccurrences(of: "y", with: "t")), 13, 13,
         "unknown target 'y' (targets: t) (for the model block of line 17, which trains on this data set)"),
        (lesson("## S\nshow: rows p\n"), 13, 12, "'rows' shows the rows of a data set: add a ```data block after the model block"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + "## S\nshow: rows\n"), 17, 7, "'rows' names the node it shows, as in 'rows p'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + "## S\nshow: rows q\n"), 17, 12, "unknown node 'q' (known: x, s, y, w, c, p, L)"),
        (lesson(data("x[1] | y", "0 | 1") + "## S\nshow: decision p\n"), 17, 16,
         "a decision map is drawn over the two inputs of a data set: its header names two columns before '|'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + "## S\nshow: decision p[1]\n"), 17, 16, "'p' is a scalar: name it alone, 'decision p'"),
        (lesson(data("x[1] x[2] | y", "0 0 | 1") + "## S\nshow: decision x\n"), 17, 16, "'x' is a 2-vector: name one of its entries, as in 'decision x[1]'"),
    ]

    @Test(arguments: cases.indices)
    func mistakeIsReportedAsFileLineColumnMessage(index: Int) {
        LessonErrorTests.expectMistake(Self.cases[index])
    }

    @Test func theRowsFillTheColumnsTheHeaderNamesAndTheOthersKeepTheirDeclaredValues() throws {
        let lesson = try Lesson(parsing: Self.lesson(Self.data("x[2] | y   # x[1] stays 0", "1 | 0", "-2.5 | 1", info: "data batch: 1") + "## S\n"), file: "t.md", id: "t")
        let model = try #require(lesson.model)
        let data = try #require(model.data)
        #expect(data.inputs == [DataSet.Column(name: "x", entry: 1)] && data.targets == [DataSet.Column(name: "y")])
        #expect(data.rows == [[1, 0], [-2.5, 1]] && data.batch == 1 && !data.isFullBatch)
        let row = data.values(ofRow: 1, in: model.startingValues)
        #expect(row["x"] == Tensor(vector: [0, -2.5]) && row["y"] == Tensor(1) && row["s"] == Tensor(1))
        #expect([0, 1, 2].map(data.rows(forIteration:)) == [[0], [1], [0]])
    }

    @Test func aSlidesModelBlockReplacesTheLessonsFromThatSlideOnAndKeepsItsDataSet() throws {
        let wider = Self.model.replacingOccurrences(of: "param c = 0", with: "param c = 0\nparam d = 2")
        let lesson = try Lesson(
            parsing: Self.lesson(Self.data("x[1] x[2] | y", "0 1 | 1") + "## One\nshow: rows p\n## Two\n" + wider + "show: rows p\n## Three\n"),
            file: "t.md", id: "t"
        )
        #expect(lesson.model?.parameters == ["w", "c"])
        #expect([0, 1, 2].map { lesson.model(at: $0)?.parameters ?? [] } == [["w", "c"], ["w", "c", "d"], ["w", "c", "d"]])
        #expect([0, 1, 2].map(lesson.modelSlide(of:)) == [nil, 1, 1])
        #expect(lesson.model(at: 2)?.data?.rows == [[0, 1, 1]])
    }
}
