import BackpropEngine
import Foundation
import Lessons
import TestSupport
import Testing
@testable import ProgressStore
@testable import TutorApp

/// The state file: where it lives, what comes back from it, how it is written, and what happens
/// when it or its folder is not as it should be. Every test works in a fresh temporary folder.
@Suite struct ProgressStoreTests {
    /// A small lesson: a trace, a question, a table.
    static let fitText = """
        # Fit

        Fit y at x.

        ```model
        input x = 1
        target y = 3
        param w = 0.1
        param b = 1
        rate eta = 0.2

        h = w*x + b
        loss L = 0.5*(y - h)^2
        ```

        ## One

        show: graph | trace

        ## Two

        question: What is dL/dh?
        answer: h - y

        ## Three

        show: table

        """

    let fit: Lesson
    let folder: String

    init() throws {
        fit = try Lesson(parsing: Self.fitText, file: "1-fit.md", id: "fit")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)/backprop-tutor").path
    }

    /// The fit lesson as a learner left it: the question answered, w nudged, the table grown, the
    /// second iteration shown, and some steps stepped.
    func played() -> TutorState {
        TutorState(lessons: [fit])
            .pressing(.right, .right, .right, .pageDown, .character("a")).typing("h-y").pressing(.enter)
            .pressing(.down, .down, .character("+"), .character("s"), .character(")"))
    }

    /// The fit lesson's progress with every field set, the predict score included.
    func everything() -> LessonProgress {
        var model = fit.model
        model = try? model?.setting("w", to: Tensor(0.5))
        return LessonProgress(
            model: model, iterations: 12, iteration: 4, tableScroll: 2, slide: 1, step: 1, finished: true,
            answers: [1: "h - y"], predictions: PredictionScore(right: 3, asked: 5),
            revealed: [RevealedStep(pass: .backward, node: "w"), RevealedStep(pass: .update, node: "b")]
        )
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"], "/x/state/backprop-tutor"),
        (["XDG_STATE_HOME": "", "HOME": "/home/u"], "/home/u/.local/state/backprop-tutor"),
        (["XDG_STATE_HOME": "state", "HOME": "/home/u"], "/home/u/.local/state/backprop-tutor"),
        (["HOME": "/home/u"], "/home/u/.local/state/backprop-tutor"),
        ([:], nil),
    ] as [([String: String], String?)])
    func theFolderIsXDGStateHomesElseTheHomesLocalState(environment: [String: String], path: String?) {
        #expect(ProgressStore.folder(in: environment) == path)
    }

    @Test func whatIsSavedComesBackAsItWas() throws {
        let state = played()
        let saved: [(lesson: Lesson, progress: LessonProgress)] = [(fit, everything()), state.visited[0]]
        for (lesson, progress) in saved {
            var store = ProgressStore(folder: folder, fresh: false)
            try store.save([(lesson, progress)], last: lesson)
            let reopened = ProgressStore(folder: folder, fresh: false)
            #expect(reopened.warnings.isEmpty && reopened.lastLesson == "fit")
            let loaded = try #require(reopened.progress(in: lesson))
            #expect(!loaded.changed)
            #expect(SavedLesson(loaded.progress, in: lesson) == SavedLesson(progress, in: lesson))
            #expect(loaded.progress.model?.startingValues == progress.model?.startingValues)
            let file = try String(contentsOfFile: "\(folder)/progress.json", encoding: .utf8)
            #expect(file.contains("\"predictScore\"") == (progress.predictions.asked > 0), "a score only once predict mode is used")
        }
        let resumed = TutorState(lessons: [fit], saved: [try #require(ProgressStore(folder: folder, fresh: false).progress(in: fit)).progress])
        #expect((resumed.slideIndex, resumed.step, resumed.current.iteration) == (state.slideIndex, state.step, state.current.iteration))
        #expect(resumed.answered == "h-y" && resumed.model?.startingValues == state.model?.startingValues)
    }

    @Test func aDataSetsNumbersAndASlidesOwnModelComeBackAsTheyWere() throws {
        let xor = try LessonLibrary.shipped("xor")
        let last = xor.slides.count - 1
        // On the last slide, in the wide net's part of the lesson: the last value of the panel
        // (y₂ of row 4) nudged.
        let state = TutorState(lessons: [xor]).pressing(.end, .up, .character("+"))
        #expect(state.model?.parameters == ["W", "b", "V", "c"] && state.model?.data?.rows.last == [1, 1, 1, 0.1])
        var store = ProgressStore(folder: folder, fresh: false)
        try store.save(state.visited, last: xor)
        let loaded = try #require(ProgressStore(folder: folder, fresh: false).progress(in: xor))
        #expect(!loaded.changed && loaded.progress.slide == last)
        #expect(loaded.progress.model?.parameters == ["W", "b", "V", "c"] && loaded.progress.model?.data?.rows == state.model?.data?.rows)
        let resumed = TutorState(lessons: [xor], saved: [loaded.progress])
        #expect(resumed.slideIndex == last && resumed.computation.decisions.count == 1)
    }

    @Test func theRecordsOfLessonsNotInThisRunAreKept() throws {
        let other = try Lesson(parsing: Self.fitText, file: "2-other.md", id: "other")
        var first = ProgressStore(folder: folder, fresh: false)
        try first.save([(fit, everything())], last: fit)
        var second = ProgressStore(folder: folder, fresh: false)
        try second.save([(other, everything())], last: other)
        let third = ProgressStore(folder: folder, fresh: false)
        #expect(third.progress(in: fit) != nil && third.progress(in: other) != nil && third.lastLesson == "other")
    }

    @Test func freshIgnoresTheFileAndTheFirstSaveReplacesIt() throws {
        var first = ProgressStore(folder: folder, fresh: false)
        try first.save([(fit, everything())], last: fit)
        var fresh = ProgressStore(folder: folder, fresh: true)
        #expect(fresh.progress(in: fit) == nil && fresh.lastLesson == nil)
        let other = try Lesson(parsing: Self.fitText, file: "2-other.md", id: "other")
        try fresh.save([(other, everything())], last: other)
        let after = ProgressStore(folder: folder, fresh: false)
        #expect(after.progress(in: fit) == nil && after.progress(in: other) != nil)
    }

    @Test func aSaveWritesATemporaryFileThenRenamesItLeavingNothingElse() throws {
        var store = ProgressStore(folder: folder, fresh: false)
        try store.save([(fit, everything())], last: fit)
        try store.save(played().visited, last: fit)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["progress.json"])
    }

    @Test func aSaveThatCannotWriteLeavesTheFileAsItWasAndFailsOnlyOnce() throws {
        var store = ProgressStore(folder: folder, fresh: false)
        try store.save([(fit, everything())], last: fit)
        let file = URL(fileURLWithPath: "\(folder)/progress.json")
        let before = try Data(contentsOf: file)
        // A folder where the temporary file goes: writing it fails, as on a full disk.
        try FileManager.default.createDirectory(atPath: store.temporaryFile, withIntermediateDirectories: false)
        #expect(throws: SaveError.self) { try store.save(played().visited, last: fit) }
        #expect(try Data(contentsOf: file) == before)
        #expect(!store.canSave)
        try store.save(played().visited, last: fit)
        #expect(try Data(contentsOf: file) == before)
    }

    @Test(arguments: [
        ("not JSON", Data("{\"version\": 1, \"lessons\": {".utf8)),
        ("another shape", Data("{\"version\": 1, \"lessons\": []}".utf8)),
        ("another version", Data("{\"version\": 2, \"lessons\": {}}".utf8)),
        ("not UTF-8", Data([0xFF, 0xFE, 0x00, 0x7B])),
        ("larger than any the tutor writes", Data("{\"version\": 1, \"lessons\": {}}".utf8) + Data(repeating: UInt8(ascii: " "), count: ProgressStore.largestFile)),
        ("a folder", nil),
    ] as [(String, Data?)])
    func aFileThatCannotBeReadIsSetAsideWithOneWarningAndTheTutorStartsAfresh(kind: String, contents: Data?) throws {
        let file = URL(fileURLWithPath: "\(folder)/progress.json")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let contents { try contents.write(to: file) } else { try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false) }
        var store = ProgressStore(folder: folder, fresh: false)
        #expect(store.warnings.count == 1, "\(kind)")
        #expect(store.warnings.first?.hasSuffix("; set aside as progress.json.corrupt in \(folder).") == true, "\(kind): \(store.warnings)")
        #expect(store.warnings.allSatisfy { !$0.contains("\n") })
        #expect(store.lastLesson == nil && store.canSave)
        let corrupt = URL(fileURLWithPath: "\(folder)/progress.json.corrupt")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        if let contents { #expect(try Data(contentsOf: corrupt) == contents, "\(kind)") } else { #expect(isDirectory(corrupt)) }
        try store.save([(fit, everything())], last: fit)
        let reopened = ProgressStore(folder: folder, fresh: false)
        #expect(reopened.warnings.isEmpty && reopened.lastLesson == "fit")
    }

    @Test func aFolderThatCannotBeCreatedGivesOneWarningAndNoSaving() throws {
        // Under a regular file, no one can create a folder, whatever their rights.
        let blocker = URL(fileURLWithPath: folder).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: blocker.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: blocker)
        try expectNoSaving(in: folder)
    }

    @Test(.enabled(if: geteuid() != 0, "root writes into read-only folders"))
    func aReadOnlyFolderGivesOneWarningAndNoSaving() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        try expectNoSaving(in: folder)
    }

    /// A store in `folder` says once that it cannot save, then saves nothing and says nothing more.
    func expectNoSaving(in folder: String) throws {
        var store = ProgressStore(folder: folder, fresh: false)
        #expect(!store.canSave)
        #expect(store.warnings == ["Progress will not be saved: \(folder) cannot be created or written."])
        try store.save([(fit, everything())], last: fit)
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/progress.json"))
    }

    func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }

    @Test func anEditOfTheModelIsNotSavedAndComesBackWithoutAWarning() throws {
        // A parameter u added in the model editor, its step stepped to.
        let typed = TutorState(lessons: [fit]).pressing([.character("E")] + .replacing(line: 6, with: "h = w*x + b + u"))
            .pressing(.character("o")).typing("param u = 2").pressing(.enter, .escape)
        let edited = typed.applying(.next, times: typed.stepCount(of: typed.slide))
        #expect(edited.model?.parameters == ["w", "b", "u"] && edited.current.revealed.contains(RevealedStep(pass: .backward, node: "u")))
        let record = SavedLesson(try #require(edited.visited.first).progress, in: fit)
        #expect(record.values["u"] == nil && !record.revealed.contains { $0.node == "u" })
        #expect(!record.progress(in: fit).changed)
    }

    @Test func aRecordThatNoLongerFitsTheLessonIsTrimmedToWhatStillDoes() throws {
        let record = SavedLesson(everything(), in: fit)
        let same = record.progress(in: fit)
        #expect(!same.changed && SavedLesson(same.progress, in: fit) == record)

        // w renamed v: w's value and step go, v keeps the lesson's value; the text changed, so
        // the answers go too, while the slide, which still exists, stays.
        let renamed = try Lesson(
            parsing: Self.fitText.replacingOccurrences(of: "param w", with: "param v").replacingOccurrences(of: "w*x", with: "v*x"),
            file: "1-fit.md", id: "fit")
        let trimmed = record.progress(in: renamed)
        #expect(trimmed.changed)
        #expect(trimmed.progress.model?.startingValues["v"] == Tensor(0.1) && trimmed.progress.model?.variable("w") == nil)
        #expect(trimmed.progress.revealed == [RevealedStep(pass: .update, node: "b")])
        #expect(trimmed.progress.answers.isEmpty && trimmed.progress.slide == 1 && trimmed.progress.predictions.right == 3)

        let edits: [(String, (inout SavedLesson) -> Void, (LessonProgress) -> Bool)] = [
            ("a slide past the end", { $0.slide = 3 }, { $0.slide == 0 && $0.step == 0 }),
            ("a value of another shape", { $0.values["w"] = SavedTensor(shape: [2], values: [1, 2]) }, { $0.model?.startingValues["w"] == Tensor(0.1) }),
            ("a matrix its numbers do not fill", { $0.values["w"] = SavedTensor(shape: [1 << 40, 1 << 40], values: [1]) }, { $0.model?.startingValues["w"] == Tensor(0.1) }),
            ("an unknown pass", { $0.revealed[0].pass = "sideways" }, { $0.revealed.count == 1 }),
            ("an answer to a slide without a question", { $0.answers[0].slide = 2 }, { $0.answers.isEmpty }),
            ("a score above what was asked", { $0.predictScore?.right = 9 }, { $0.predictions == PredictionScore() }),
            ("more iterations than the table holds", { $0.iterations = 5000 }, { $0.iterations == TutorState.maximumIterations }),
        ]
        for (what, edit, holds) in edits {
            var edited = record
            edit(&edited)
            let result = edited.progress(in: fit)
            #expect(result.changed && holds(result.progress), "\(what)")
        }
    }
}
