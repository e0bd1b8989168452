import BackpropEngine
import Lessons

/// Everything the tutor shows, as a plain value: which slide and step, the learner's values, what
/// is open, and what the engine computed from them. Only `update` changes it.
public struct TutorState: Sendable {
    /// The lessons, in order.
    public let lessons: [Lesson]
    /// The lesson on screen.
    public internal(set) var lessonIndex = 0
    /// The slide on screen.
    public internal(set) var slideIndex = 0
    /// How many steps of the slide are revealed.
    public internal(set) var step = 0
    /// Where the learner is in each lesson.
    public internal(set) var progress: [LessonProgress]
    /// The selected entry of the value panel.
    public internal(set) var selection = 0
    /// Decimals shown.
    public internal(set) var precision = 2
    /// Every gradient on screen is shown with its central-difference estimate.
    public internal(set) var checking = false
    /// The central differences of the iteration on screen, while `checking`.
    public internal(set) var check: [String: [CentralDifference]] = [:]
    /// While checking, the largest relative difference between a gradient in the table's rows
    /// on screen and its central difference.
    public internal(set) var tableCheck: Double?
    /// Predict mode: each step of a trace asks for its value before showing it.
    public internal(set) var predicting = false
    /// Unicode glyphs, or ASCII.
    public let unicode: Bool
    /// What has the keyboard.
    public internal(set) var mode = Mode.slides
    /// Esc was pressed once; a second press quits.
    public internal(set) var escapePending = false
    /// The tutor should exit.
    public internal(set) var quitting = false
    /// Lines the learner scrolled the slide's column past where the current step puts it.
    public internal(set) var scroll = 0
    /// How far the slide's column can scroll, as it was last drawn.
    public internal(set) var viewport = Viewport()
    /// The terminal's size: what `render` draws for.
    public internal(set) var size = (width: 80, height: 24)
    /// The last answer typed on this slide, as typed: its verdict follows the numbers.
    public internal(set) var answered: String?
    /// What the last key did where it does not show, said in the status line until the next key.
    public internal(set) var notice: String?
    /// A lesson file to write: the program writes it after the key that asked, and reports back.
    public internal(set) var pendingSave: LessonFile?
    /// The engine's numbers before the last change of a value: the numbers that changed are
    /// marked until the next key.
    public internal(set) var before: Computation?
    /// The engine's numbers for the lesson on screen.
    public internal(set) var computation: Computation

    /// Iterations the table starts with, as in the deck.
    public static let initialIterations = 3

    /// The tutor at lesson `lessonIndex`; `lessons` must not be empty (the loaders never return
    /// an empty set). `saved` holds what the learner did in earlier runs, one entry per lesson in
    /// order (nil, or no entry, for a lesson not visited): each lesson opens where it was left, the
    /// first slide otherwise. `notice` is said in the status line until the first key.
    public init(
        lessons: [Lesson], lessonIndex: Int = 0, unicode: Bool = true, saved: [LessonProgress?] = [], notice: String? = nil
    ) {
        precondition(!lessons.isEmpty, "the tutor needs at least one lesson")
        self.lessons = lessons
        self.unicode = unicode
        self.lessonIndex = min(max(0, lessonIndex), max(0, lessons.count - 1))
        // A lesson not visited takes its own values when it is opened (`open(lesson:)`): reading
        // every lesson's model here would read every lesson at the start.
        progress = lessons.indices.map { [lessonIndex = self.lessonIndex] index in
            (saved.indices.contains(index) ? saved[index] : nil) ?? LessonProgress(model: index == lessonIndex ? lessons[index].model : nil)
        }
        computation = Computation(
            lesson: lessons[self.lessonIndex], model: progress[self.lessonIndex].model, iterations: progress[self.lessonIndex].iterations
        )
        self.notice = notice
        resume()
        computation = computation.withMaps(of: slide)
    }

    /// Where the learner is in each lesson visited, the lesson on screen included: what is kept
    /// between runs.
    public var visited: [(lesson: Lesson, progress: LessonProgress)] {
        zip(lessons, progress).filter { $0.1.visited }
    }

    /// The lesson on screen.
    public var lesson: Lesson { lessons[lessonIndex] }

    /// The slide on screen.
    public var slide: Slide { lesson.slides[slideIndex] }

    /// The model with the learner's values, if the lesson has one.
    public var model: Model? { computation.model }

    /// Where the learner is in the lesson on screen.
    public var current: LessonProgress {
        get { progress[lessonIndex] }
        set { progress[lessonIndex] = newValue }
    }

    /// The iteration on screen as it was before the last change of a value, if the last key changed one.
    var traceBefore: Trace? {
        before?.trace(iteration: current.iteration, row: current.row)
    }

    /// The iteration the trace and the graph show, if the engine computed it; over a data set,
    /// for the row on screen.
    public var trace: Trace? {
        computation.trace(iteration: current.iteration, row: current.row)
    }

    /// Every iteration's numbers for the row on screen: what answers are checked against.
    var rowNumbers: [IterationNumbers] { computation.rowNumbers(row: current.row) }

    /// The lines of the lesson's model block: as the learner edited them, or as the lesson writes them.
    public var source: [String] { current.source ?? lesson.modelSource(at: slideIndex) }

    /// The model editor, when it is open (under the prompt, while a line of it is typed).
    public var editor: ModelEditor? {
        switch mode {
        case .editor(let editor): return editor
        case .prompt(let prompt):
            if case .line(let editor, _) = prompt.purpose { return editor }
            return nil
        default: return nil
        }
    }

    /// How numbers and formulas are written now.
    public var notation: Notation {
        Notation(loss: model?.loss ?? "L", precision: precision, unicode: unicode)
    }

    /// What the tutor says about the answer typed on this slide, worked out with the numbers of
    /// now: a value tweaked, the table trained or the decimals changed, the verdict follows.
    public var feedback: Feedback? {
        guard let answered, let model, let question = slide.question,
              case .success(let verdict) = AnswerCheck(model: model, iterations: rowNumbers, notation: notation).check(answered, against: question)
        else { return nil }
        return verdict
    }

    /// The numbers the learner can tweak.
    public var entries: [ValueEntry] { computation.entries }

    /// How the screen is drawn: Unicode or ASCII.
    var glyphs: Glyphs { unicode ? .unicode : .ascii }

    /// The steps of the iteration `slide` steps through.
    public func steps(of slide: Slide) -> [Trace.Step] {
        guard slide.stepsTrace, let trace else { return [] }
        return slide.chosen(computation.steps(of: trace), backwardOrder: model?.backwardOrder ?? [])
    }

    /// How many steps `slide` reveals one by one: its steps of the trace, or the answer of a question.
    public func stepCount(of slide: Slide) -> Int {
        if slide.stepsTrace { return steps(of: slide).count }
        return slide.question == nil ? 0 : 1
    }

    /// The judge of a prediction of the slide's next step: in predict mode, on a slide stepping
    /// through a trace, before its last step, unless that step of this iteration was predicted
    /// (or skipped) already.
    var prediction: PredictionCheck? {
        let steps = steps(of: slide)
        guard predicting, let model, steps.indices.contains(step),
              !current.predicted.contains(LessonProgress.PredictedStep(iteration: current.iteration, step: Reveal.Key(steps[step])))
        else { return nil }
        return PredictionCheck(model: model, computation: computation, iteration: current.iteration, step: steps[step], notation: notation, row: current.row)
    }

    /// What the graph may show now: the lesson's revealed steps and those shown on this slide.
    var reveal: Reveal {
        let shown = steps(of: slide).prefix(step)
        return Reveal(current.revealed.union(shown.map(Reveal.Key.init)), current: shown.last?.node)
    }
}
