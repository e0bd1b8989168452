import BackpropEngine
@testable import TutorApp

extension Computation {
    /// Each iteration's trace, over a data set of the first row of its batch, built from its
    /// numbers: what a training of the model from the start gives.
    var traces: [Trace] {
        iterations.indices.compactMap { builtTrace(iteration: $0, row: 0) }
    }
}
