import Testing
@testable import Lessons

/// A lesson's header (title, summary, slide count) read without reading its slides and model is
/// the header reading the whole lesson gives.
@Suite struct LessonHeaderTests {
    static let model = "```model\nparam w = 1\neta = 0.1\nloss L = w^2\n```\n"

    @Test(arguments: [
        ("the smallest lesson", "# T\n## S\n", "T", "", 1),
        ("blank lines and spaces around the title", "\n  \n#   Title  \n\nSum\n## S\n", "Title", "Sum", 1),
        ("a summary over lines around the model block", "# T\n one \n\n" + model + "two\t\n## A\nshow: graph\n## B\n", "T", "one two", 2),
        ("CR LF and a byte order mark", "\u{FEFF}# T\r\nSum\r\n## A\r\n## B\r\n## C\r\n", "T", "Sum", 3),
        ("a heading inside a block", "# T\n## A\n```formulas\n## not a slide\n  ```  \n## B\n", "T", "", 2),
    ])
    func theHeaderIsWhatReadingTheWholeLessonGives(what: String, text: String, title: String, summary: String, slides: Int) throws {
        let header = try #require(LessonHeader(scanning: text), "\(what)")
        #expect((header.title, header.summary, header.slideCount) == (title, summary, slides), "\(what)")
        let whole = try Lesson(parsing: text, file: "1-t.md", id: "t")
        #expect((whole.title, whole.summary, whole.slideCount, whole.slides.count) == (title, summary, slides, slides), "\(what)")
    }

    @Test(arguments: ["", "\n\n", "Prose first\n# T\n## S\n", "#T\n## S\n"])
    func aTextWithoutATitleFirstHasNoHeader(text: String) {
        #expect(LessonHeader(scanning: text) == nil)
    }

    @Test func aBuiltInLessonReadsLaterWhatReadingItNowGives() throws {
        for (name, text) in embeddedLessonFiles {
            let later = try Lesson.builtIn(text, file: "lessons/\(name)", id: "x")
            let now = try Lesson(parsing: text, file: "lessons/\(name)", id: "x")
            #expect((later.title, later.summary, later.slideCount, later.contentHash) == (now.title, now.summary, now.slideCount, now.contentHash), "\(name)")
            #expect(later.slides.count == later.slideCount && later.slides.map(\.title) == now.slides.map(\.title), "\(name)")
            #expect(later.model?.nodes == now.model?.nodes && later.modelSource == now.modelSource, "\(name)")
        }
    }
}
