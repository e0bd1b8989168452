import Foundation
import Lessons
import Testing
import TextScreen
import TutorApp

/// Lesson files written to hurt: each one, alone in a folder, goes through `list`, `print` and a
/// render of every slide, and ends in a clear result (it loads, or it is refused with a
/// `file:line:col` error) within a generous watchdog, with nothing raw reaching the terminal.
@Suite struct HostileLessonsTests {
    /// A hostile lesson file: its name and its bytes.
    struct Case: Sendable {
        let file: String
        let bytes: Data

        init(_ file: String, _ text: String) {
            (self.file, bytes) = (file, Data(text.utf8))
        }

        init(_ file: String, bytes: Data) {
            (self.file, self.bytes) = (file, bytes)
        }

        /// The lesson id the file name gives.
        var id: String { LessonLibrary.id(ofFileNamed: file) }
    }

    /// The shipped linear lesson, as its file is written.
    static let linear = (try? String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lessons/2-linear.md"),
        encoding: .utf8
    )) ?? ""

    /// A small model and a slide that shows it, with `expression` as its one equation.
    static func lesson(equation expression: String, declarations: String = "input x = 1\nparam w = 2") -> String {
        "# T\n```model\n\(declarations)\neta = 0.1\nh = \(expression)\nloss L = h^2\n```\n## S\nshow: graph | trace\n"
    }

    /// Escape sequences that would write the clipboard, clear the screen, colour and reverse text.
    static let escapes = "\u{1b}]52;c;ZXZpbA==\u{07}\u{1b}[2J\u{9b}31m\u{202e}"
    /// `w+w+…+w` with `terms` terms.
    static func chain(_ terms: Int) -> String { Array(repeating: "w", count: terms).joined(separator: "+") }

    static let cases: [Case] = [
        Case("1-chain.md", lesson(equation: chain(150))),
        Case("1-long-chain.md", lesson(equation: chain(50_000))),
        Case("1-deep.md", lesson(equation: String(repeating: "(", count: 5_000) + "w" + String(repeating: ")", count: 5_000))),
        Case("1-deep-calls.md", lesson(equation: String(repeating: "tanh(", count: 1_000) + "w" + String(repeating: ")", count: 1_000))),
        Case("1-escapes\(escapes).md", "# Evil \(escapes)\n```model\ninput x = 1 # \(escapes)\nparam w = 2\neta = 0.1\nh = w*x\nloss L = h^2\n```\n"
            + "## Slide \(escapes)\n\(escapes) prose\n```formulas\nh = w*x \(escapes)\n```\nquestion: \(escapes)?\nanswer: w*x\n"),
        Case("1-escape-item.md", lesson(equation: "w*x") + "show: \(escapes)\n"),
        Case("1-crlf.md", linear.replacingOccurrences(of: "\n", with: "\r\n")),
        Case("1-bom.md", "\u{feff}" + linear),
        Case("1-bom-crlf.md", "\u{feff}" + linear.replacingOccurrences(of: "\n", with: "\r\n")),
        Case("1-invalid-utf8.md", bytes: Data("# T\n## S\nprose ".utf8) + Data([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]) + Data("\n".utf8)),
        Case("1-nul.md", "# T\u{0}\n## S\u{0}\n\u{0}prose\n"),
        Case("1-prose-10mb.md", "# T\n## S\n" + String(repeating: "All work and no play. ", count: 480_000)),
        Case("1-slides-10000.md", "# T\n" + String(repeating: "## S\np\n", count: 10_000)),
        Case("1-huge.md", lesson(equation: "w*x", declarations: "input x = 1\nparam w = 1e309")),
        Case("1-nan.md", lesson(equation: "w*x", declarations: "input x = 1\nparam w = 0/0")),
        Case("1-inf.md", lesson(equation: "w*x", declarations: "input x = 1\nparam w = 2^1024")),
        Case("1-hex.md", lesson(equation: "w*x", declarations: "input x = 1\nparam w = 0x10")),
        Case("1-overflow.md", lesson(equation: "exp(exp(w*x))", declarations: "input x = 1\nparam w = 700")),
        Case("1-shapes.md", lesson(equation: "W @ x", declarations: "input x = [1, 2, 3]\nparam W = [[1, 2], [3, 4]]")),
        Case("1-vector-rate.md", lesson(equation: "w*x").replacingOccurrences(of: "eta = 0.1", with: "eta = [1, 2]")),
        Case("1-empty.md", ""),
    ]

    /// What happened to one case.
    struct Outcome {
        let result: String
        let seconds: Double
    }

    /// The table printed at the end, one line per case in order.
    static let table = Table()

    /// The lines of the table, filled as the cases run.
    final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var rows: [String: Outcome] = [:]

        func record(_ file: String, _ outcome: Outcome) {
            lock.withLock {
                rows[file] = outcome
                guard rows.count == HostileLessonsTests.cases.count else { return }
                var lines = ["input | result | time"]
                for hostile in HostileLessonsTests.cases {
                    guard let row = rows[hostile.file] else { continue }
                    lines.append("\(hostile.file.visible) (\(hostile.bytes.count) B) | \(row.result.visible) | \(String(format: "%.2f s", row.seconds))")
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }

    /// Seconds a case may take before it counts as a hang.
    static let watchdog = 30.0

    /// Runs `work` on its own thread, giving up on it after the watchdog's seconds.
    static func watched<T: Sendable>(_ work: @escaping @Sendable () throws -> T) throws -> T? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<T, Error>?
        Thread {
            result = Result { try work() }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + watchdog) == .success else { return nil }
        return try result?.get()
    }

    /// Every slide of `lesson` drawn, one after the other; how many were drawn.
    static func renderEverySlide(of lesson: Lesson) -> Int {
        var state = TutorState(lessons: [lesson])
        for index in lesson.slides.indices {
            if index > 0 { state = update(state, .nextSlide) }
            _ = render(state)
        }
        return lesson.slides.count
    }

    @Test(arguments: cases.indices)
    func hostileLessonEndsInAClearResult(index: Int) throws {
        let hostile = Self.cases[index]
        let folder = try Binary.temporaryFolder()
        try hostile.bytes.write(to: folder.appendingPathComponent(hostile.file))
        let started = Date()

        let runs = try Self.watched { () throws -> (list: Binary.Result, print: Binary.Result) in
            (try Binary.run(["list", "--lessons", folder.path]), try Binary.run(["print", hostile.id, "--lessons", folder.path]))
        }
        let runsResult = try #require(runs, "list and print did not finish within \(Self.watchdog) s")
        let loaded = try LessonLibrary.load(directory: folder.path)
        let (lessons, folderProblems) = (loaded.lessons, loaded.problems)
        let drawn = try #require(try Self.watched { lessons.map(Self.renderEverySlide) }, "rendering did not finish within \(Self.watchdog) s")

        for (command, run) in [("list", runsResult.list), ("print", runsResult.print)] {
            // 0, or 2 with a message: the README's statuses; anything else is a crash.
            #expect(run.status == 0 || (run.status == 2 && !run.standardError.isEmpty), "\(command) ended with status \(run.status): \(run.standardError)")
            #expect(!(run.standardOutput + run.standardError).unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{9b}" },
                    "\(command) wrote a raw escape sequence")
        }
        let result: String
        if let lesson = lessons.first {
            #expect(runsResult.list.status == 0)
            #expect(runsResult.print.status == (lesson.model == nil ? 2 : 0), "\(runsResult.print.standardError)")
            result = "loads; slides: \(lesson.slides.count), drawn: \(drawn.reduce(0, +)); print status \(runsResult.print.status)"
        } else {
            let problem = try #require(folderProblems.first, "a lesson that does not load is reported")
            let message = "\(problem)"
            #expect(message.wholeMatch(of: /.*\.md:\d+:\d+: .+/.dotMatchesNewlines()) != nil, "not a file:line:col error: \(message)")
            for run in [runsResult.list, runsResult.print] {
                #expect(run.status == 2)
                #expect(run.standardError.contains(":\(problem.line):\(problem.column): "), "not reported: \(run.standardError)")
            }
            result = "refused: \(problem.line):\(problem.column): \(problem.message)"
        }
        Self.table.record(hostile.file, Outcome(result: result, seconds: Date().timeIntervalSince(started)))
    }
}
