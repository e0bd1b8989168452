import BackpropEngine
import Lessons
import TutorApp

extension SavedLesson {
    /// The record of `progress` in `lesson`. An edit of the model in the tutor is not kept: only
    /// the values and steps that the lesson's own model has are.
    init(_ progress: LessonProgress, in lesson: Lesson) {
        contentHash = SavedLesson.hash(of: lesson)
        (slide, step, finished) = (progress.slide, progress.step, progress.finished)
        (iteration, iterations, tableScroll) = (progress.iteration, progress.iterations, progress.tableScroll)
        // The model of the slide the learner is on: a slide may carry its own.
        let model = lesson.model(at: progress.slide)
        let declared = model?.startingValues ?? [:], nodes = Set(model?.nodes ?? [])
        values = Dictionary(uniqueKeysWithValues: (progress.model?.variables ?? [])
            .filter { declared[$0.name]?.shape == $0.value.shape }.map { ($0.name, SavedTensor($0.value)) })
        data = progress.model?.data?.rows
        revealed = progress.revealed.filter { nodes.contains($0.node) }.map { SavedStep(pass: $0.pass.rawValue, node: $0.node) }
            .sorted { ($0.pass, $0.node) < ($1.pass, $1.node) }
        answers = progress.answers.sorted { $0.key < $1.key }.map { SavedAnswer(slide: $0.key, answer: $0.value) }
        let score = progress.predictions
        predictScore = score.asked > 0 ? SavedScore(right: score.right, asked: score.asked) : nil
    }

    /// The progress this record gives in `lesson`, checked against it: a slide past the end, a
    /// value the model of that slide no longer declares or declares with another shape, rows
    /// that no longer fill its data set, a step of a node it no longer has, an answer to a
    /// slide without a question (any answer, when the lesson's text changed since) are dropped.
    /// `changed` is true when the lesson's text changed since or something was dropped.
    func progress(in lesson: Lesson) -> (progress: LessonProgress, changed: Bool) {
        let sameText = contentHash == SavedLesson.hash(of: lesson)
        var dropped = false
        /// `fits`, noting that something is dropped when it does not.
        func kept(_ fits: Bool) -> Bool {
            if !fits { dropped = true }
            return fits
        }

        let onSlide = kept(lesson.slides.indices.contains(slide) && step >= 0)
        let lessonModel = lesson.model(at: onSlide ? slide : 0)
        var model = lessonModel
        for (name, saved) in values {
            if let value = saved.tensor, let changed = try? model?.setting(name, to: value) { model = changed } else { dropped = true }
        }
        if let rows = data {
            if let fitted = model?.data?.setting(rows: rows) { model = model?.setting(data: fitted) } else { dropped = true }
        }
        let nodes = Set(lessonModel?.nodes ?? [])
        let revealed = self.revealed.compactMap { saved in
            Trace.Pass(rawValue: saved.pass).flatMap { nodes.contains(saved.node) ? RevealedStep(pass: $0, node: saved.node) : nil }
        }
        dropped = dropped || revealed.count != self.revealed.count
        let answers = self.answers.filter { kept(sameText && lesson.slides.indices.contains($0.slide) && lesson.slides[$0.slide].question != nil) }
        let score = predictScore.flatMap { kept($0.right >= 0 && $0.right <= $0.asked) ? PredictionScore(right: $0.right, asked: $0.asked) : nil }
        let iterations = min(max(1, self.iterations), TutorState.maximumIterations)
        let iteration = min(max(0, self.iteration), iterations - 1)
        _ = kept(iterations == self.iterations && iteration == self.iteration && tableScroll >= 0)

        let progress = LessonProgress(
            model: model, iterations: iterations, iteration: iteration, tableScroll: max(0, tableScroll),
            slide: onSlide ? slide : 0, step: onSlide ? step : 0, finished: finished,
            answers: Dictionary(answers.map { ($0.slide, $0.answer) }, uniquingKeysWith: { _, last in last }),
            predictions: score ?? PredictionScore(), revealed: Set(revealed)
        )
        return (progress, !sameText || dropped)
    }

    /// `lesson`'s content hash in 16 hexadecimal digits.
    static func hash(of lesson: Lesson) -> String {
        let digits = String(lesson.contentHash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension SavedTensor {
    /// The record of `value`.
    init(_ value: Tensor) {
        switch value.shape {
        case .scalar: shape = []
        case .vector(let count): shape = [count]
        case .matrix(let rows, let columns): shape = [rows, columns]
        }
        values = value.scalars
    }

    /// The value, if the shape is one a model holds and the numbers fill it.
    var tensor: Tensor? {
        // No size above the count of numbers, so that the sizes' product cannot overflow.
        guard self.shape.allSatisfy({ $0 > 0 && $0 <= values.count }) else { return nil }
        let shape: Shape
        switch self.shape.count {
        case 0: shape = .scalar
        case 1: shape = .vector(self.shape[0])
        case 2: shape = .matrix(self.shape[0], self.shape[1])
        default: return nil
        }
        return values.count == shape.count ? Tensor(shape: shape, scalars: values) : nil
    }
}
