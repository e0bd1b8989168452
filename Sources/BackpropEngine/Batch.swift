extension Trace {
    /// The rows of a data set one iteration trains on: training minimises their mean loss, so
    /// each parameter moves against the mean of the rows' gradients. A trace holds the forward
    /// and backward passes of one of the rows, the means of all of them, and the updates.
    public struct Batch: Sendable {
        /// The data set's rows the iteration averages over, 0-based, in order.
        public let rows: [Int]
        /// The row whose forward and backward passes the trace holds, 0-based in the data set.
        public let row: Int
        /// The mean loss, then each parameter's mean gradient, as steps; none when the
        /// iteration trains on one row, whose numbers are their own mean.
        public let means: [Mean]
        /// The mean loss, by the loss's name: what the iteration's table row shows.
        public let values: [String: Tensor]
        /// Each parameter's mean gradient, by name: what the update reads.
        public let gradients: [String: Tensor]
    }

    /// A mean over the rows of a batch: of the loss, L = (L₁ + … + Lₙ) / n, or of a parameter's
    /// gradient, ∂L/∂w = (∂L₁/∂w + … + ∂Lₙ/∂w) / n, where Lᵢ is row i's loss.
    public struct Mean: Sendable {
        /// The loss, or the parameter whose gradient is averaged.
        public let node: String
        /// True for a gradient, false for the loss's value.
        public let ofGradient: Bool
        /// The data set's rows, 0-based, in the order of `terms`.
        public let rows: [Int]
        /// Each row's number.
        public let terms: [Tensor]
        /// Their mean: what `expression` gives with `bindings`.
        public let value: Tensor

        /// `(#1 + … + #n) / n`: the terms added up in order and divided by their count, each
        /// term the name `#i`.
        var expression: Expr { Mean.expression(count: terms.count) }

        /// The terms by the names `expression` reads.
        var bindings: Bindings { Mean.bindings(terms) }

        /// The mean of `terms`, one per row of `rows`, of `node`'s value or gradient: the terms
        /// added entry by entry in order, then divided by their count, as `expression` reads.
        init(node: String, ofGradient: Bool, rows: [Int], terms: [Tensor]) throws(EvaluationError) {
            guard let first = terms.first else { throw EvaluationError("no rows to average '\(node)' over") }
            guard terms.allSatisfy({ $0.shape == first.shape }) else { throw EvaluationError("the rows' values of '\(node)' differ in shape") }
            var mean = RowMean(first.scalars[...], shape: first.shape)
            for term in terms.dropFirst() { mean.add(term.scalars[...]) }
            self.init(node: node, ofGradient: ofGradient, rows: rows, terms: terms, value: mean.value)
        }

        /// The mean `value` of `terms`, one per row of `rows`, of `node`'s value or gradient.
        init(node: String, ofGradient: Bool, rows: [Int], terms: [Tensor], value: Tensor) {
            (self.node, self.ofGradient, self.rows, self.terms, self.value) = (node, ofGradient, rows, terms, value)
        }

        private static func expression(count: Int) -> Expr {
            let names = (0..<count).map { Expr.name(placeholder($0)) }
            let sum = names.dropFirst().reduce(names.first ?? .number(0)) { $0 + $1 }
            return Expr(.binary(.divide, sum, .number(Double(count))))
        }

        private static func bindings(_ terms: [Tensor]) -> Bindings {
            Bindings(values: Dictionary(uniqueKeysWithValues: terms.enumerated().map { (placeholder($0.offset), $0.element) }))
        }

        /// The name of the term at `index` in `expression`.
        private static func placeholder(_ index: Int) -> String { "#\(index + 1)" }
    }
}

/// The mean over rows of a data set of a value or a gradient, added up as the rows come: the
/// terms added entry by entry in order, then divided by their count, as `Trace.Mean.expression`
/// reads.
struct RowMean {
    private var total: [Double]
    private let shape: Shape
    private var count = 1

    /// The mean of `first` alone, the numbers of a value of `shape`.
    init(_ first: ArraySlice<Double>, shape: Shape) {
        (total, self.shape) = (Array(first), shape)
    }

    /// Adds the next row's term, of the shape of the first.
    mutating func add(_ numbers: ArraySlice<Double>) {
        for (index, number) in zip(total.indices, numbers) { total[index] += number }
        count += 1
    }

    /// The mean of the terms added.
    var value: Tensor { Tensor(shape: shape, scalars: total.map { $0 / Double(count) }) }
}
