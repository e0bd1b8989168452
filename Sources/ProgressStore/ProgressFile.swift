/// The state file, `progress.json`, as JSON: a version, the lesson the learner was in last, and a
/// record per lesson visited, by lesson id.
///
///     {"version": 1, "last": "deeper", "lessons": {"deeper": {"contentHash": "…", "slide": 2, …}}}
struct ProgressFile: Equatable {
    /// The format this code reads and writes; a file of another version is set aside.
    static let currentVersion = 1

    /// The format of the file.
    var version = ProgressFile.currentVersion
    /// The id of the lesson on screen when the learner last left the tutor.
    var last: String?
    /// Each lesson visited, by id.
    var lessons: [String: SavedLesson] = [:]
}

/// What the file keeps of one lesson: where the learner was, what they answered, their predict
/// score and their values. Slides and steps are counted from 0.
struct SavedLesson: Equatable {
    /// The lesson text's hash (`Lesson.contentHash`) in 16 hexadecimal digits, when saved.
    var contentHash: String
    /// The slide the learner was on.
    var slide: Int
    /// How many of its steps were revealed.
    var step: Int
    /// The learner had reached the last slide.
    var finished: Bool
    /// The iteration the trace showed.
    var iteration: Int
    /// The iterations in the table.
    var iterations: Int
    /// The table's sideways scroll.
    var tableScroll: Int
    /// Every declared value of the model (the learning rate among them), by name.
    var values: [String: SavedTensor]
    /// The rows of the model's data set, each its numbers in the header's order; absent for a
    /// model without one.
    var data: [[Double]]?
    /// The steps stepped to.
    var revealed: [SavedStep]
    /// The last answer typed to each question.
    var answers: [SavedAnswer]
    /// Predict mode's score; absent until the learner uses predict mode in the lesson.
    var predictScore: SavedScore?
}

/// A value: its shape (`[]` a scalar, `[n]` a vector, `[rows, columns]` a matrix) and its
/// numbers, row by row.
struct SavedTensor: Equatable {
    /// The sizes of the value's dimensions.
    var shape: [Int]
    /// The numbers, row by row.
    var values: [Double]
}

/// A step stepped to: its pass (`forward`, `backward`, `update`) and its node.
struct SavedStep: Equatable {
    /// The pass.
    var pass: String
    /// The node.
    var node: String
}

/// The answer typed to the question of a slide.
struct SavedAnswer: Equatable {
    /// The slide.
    var slide: Int
    /// The answer, as typed.
    var answer: String
}

/// Predict mode's score: steps predicted right, of those asked.
struct SavedScore: Equatable {
    /// Predictions judged right.
    var right: Int
    /// Predictions asked for.
    var asked: Int
}
