import BackpropEngine

extension Model {
    /// What the tutor calls one iteration of this model's training: an `epoch` when each
    /// iteration trains on every row of a data set, an `iteration` otherwise.
    var iterationName: String { data?.isFullBatch == true ? "epoch" : "iteration" }
}
