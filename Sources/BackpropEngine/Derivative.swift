/// The local derivative rules: for each operation, how the gradient arriving at its result is
/// passed on to each operand, written as an expression so the tutor can show it. This is
/// reverse mode (a vector-Jacobian product) applied symbolically to one equation.
struct Derivative {
    /// The shape of every name in scope.
    let shapes: [String: Shape]

    /// The contributions `expression` passes to each name it reads, given the gradient
    /// `upstream` arriving at its result, which is itself named by `result`.
    func contributions(of expression: Expr, upstream: Expr, result: Expr) throws(EquationError) -> [(String, Expr)] {
        let here = expression.location ?? SourceLocation(line: 0, column: 0)
        func shape(_ e: Expr) throws(EquationError) -> Shape { try ShapeChecker(shapes: shapes).shape(of: e, fallback: here) }
        let resultShape = try shape(expression)
        /// Passes `gradient` on to `operand`.
        func pass(_ gradient: Expr, to operand: Expr) throws(EquationError) -> [(String, Expr)] {
            try contributions(of: operand, upstream: gradient, result: operand)
        }
        /// Passes `gradient` on to an operand of an entry-wise operation, summed first when the
        /// operand is a scalar that was broadcast over a vector or matrix.
        func passEntryWise(_ gradient: Expr, to operand: Expr) throws(EquationError) -> [(String, Expr)] {
            let broadcast = try shape(operand) == .scalar && resultShape != .scalar
            return try pass(broadcast ? Expr(.call(.sum, [gradient])) : gradient, to: operand)
        }
        let g = upstream

        switch expression.kind {
        case .number, .gradient, .transpose, .outer, .broadcast:
            return []
        case .name(let name):
            return [(name, g)]
        case .negate(let a):
            return try pass(-g, to: a)
        case .binary(.add, let a, let b):
            return try passEntryWise(g, to: a) + passEntryWise(g, to: b)
        case .binary(.subtract, let a, let b):
            return try passEntryWise(g, to: a) + passEntryWise(-g, to: b)
        case .binary(.multiply, let a, let b):
            return try passEntryWise(g * b, to: a) + passEntryWise(g * a, to: b)
        case .binary(.divide, let a, let b):
            return try passEntryWise(g / b, to: a) + passEntryWise(-(g * a / Expr(.binary(.power, b, .number(2)))), to: b)
        case .binary(.power, let a, let b):
            let toBase = try passEntryWise(g * b * Expr(.binary(.power, a, b - .number(1))), to: a)
            if b.names.isEmpty { return toBase }
            return try toBase + passEntryWise(g * result * Expr(.call(.log, [a])), to: b)
        case .binary(.matmul, let a, let b):
            switch (try shape(a), try shape(b)) {
            case (.matrix, .vector):
                return try pass(Expr(.outer(g, b)), to: a) + pass(Expr(.binary(.matmul, Expr(.transpose(a)), g)), to: b)
            case (.matrix, .matrix):
                return try pass(Expr(.binary(.matmul, g, Expr(.transpose(b)))), to: a)
                    + pass(Expr(.binary(.matmul, Expr(.transpose(a)), g)), to: b)
            case (.vector, .matrix):
                return try pass(Expr(.binary(.matmul, b, g)), to: a) + pass(Expr(.outer(a, g)), to: b)
            default:
                return try pass(g * b, to: a) + pass(g * a, to: b)
            }
        case .call(let function, let arguments):
            return try callContributions(function, arguments, upstream: g, result: result, pass: pass, passEntryWise: passEntryWise)
        case .vector(let entries):
            var all: [(String, Expr)] = []
            for (i, entry) in entries.enumerated() { all += try pass(Expr(.index(g, [i + 1])), to: entry) }
            return all
        case .matrix(let rows):
            var all: [(String, Expr)] = []
            for (i, row) in rows.enumerated() {
                for (j, entry) in row.enumerated() { all += try pass(Expr(.index(g, [i + 1, j + 1])), to: entry) }
            }
            return all
        case .index(let a, let indices):
            return try pass(Derivative.scatter(g, at: indices, into: try shape(a)), to: a)
        }
    }

    /// The contributions of a call, with `pass` handing a gradient on to an argument and
    /// `passEntryWise` to an argument of an entry-wise function that a scalar may broadcast in.
    /// Where a function has a kink, the derivative there is 0 (relu and abs at 0), and a tie of
    /// max or min sends the whole gradient to the first argument.
    private func callContributions(
        _ function: Function, _ arguments: [Expr], upstream g: Expr, result: Expr,
        pass: (Expr, Expr) throws(EquationError) -> [(String, Expr)],
        passEntryWise: (Expr, Expr) throws(EquationError) -> [(String, Expr)]
    ) throws(EquationError) -> [(String, Expr)] {
        func call(_ function: Function, _ arguments: Expr...) -> Expr { Expr(.call(function, arguments)) }
        let argumentShape = { () throws(EquationError) -> Shape in
            try ShapeChecker(shapes: shapes).shape(of: arguments[0], fallback: SourceLocation(line: 0, column: 0))
        }
        switch function {
        case .sigmoid:
            return try pass(g * result * (.number(1) - result), arguments[0])
        case .tanh:
            return try pass(g * (.number(1) - Expr(.binary(.power, result, .number(2)))), arguments[0])
        case .relu:
            return try pass(g * call(.step, arguments[0]), arguments[0])
        case .softplus:
            return try pass(g * call(.sigmoid, arguments[0]), arguments[0])
        case .exp:
            return try pass(g * result, arguments[0])
        case .log:
            return try pass(g / arguments[0], arguments[0])
        case .sqrt:
            return try pass(g / (.number(2) * result), arguments[0])
        case .abs:
            return try pass(g * call(.sign, arguments[0]), arguments[0])
        case .step, .sign:
            // Flat on each side of 0: the gradient passed on is ∂L/∂result · 0, a zero of the argument's shape.
            return try pass(g * Expr(.broadcast(.number(0), try argumentShape())), arguments[0])
        case .max, .min:
            let (a, b) = (arguments[0], arguments[1])
            // 1 where b wins outright: b > a for max, b < a for min; the first argument takes the rest, ties included.
            let toSecond = function == .max ? call(.step, b - a) : call(.step, a - b)
            return try passEntryWise(g * (.number(1) - toSecond), a) + passEntryWise(g * toSecond, b)
        case .sum:
            let shape = try argumentShape()
            return try pass(shape == .scalar ? g : Expr(.broadcast(g, shape)), arguments[0])
        case .softmax:
            let toLogits = result * (g - Expr(.call(.sum, [g * result])))
            return try passToLogits(arguments, toLogits, entry: { Expr(.index(toLogits, [$0])) }, pass: pass)
        case .logsoftmax:
            let toLogits = g - Expr(.call(.softmax, arguments)) * Expr(.call(.sum, [g]))
            return try passToLogits(arguments, toLogits, entry: { Expr(.index(toLogits, [$0])) }, pass: pass)
        case .crossentropy:
            let (p, t) = (arguments[0], arguments[1])
            return try pass(-(g * t / p), p) + pass(-(g * Expr(.call(.log, [p]))), t)
        }
    }

    /// The contributions of a cross-entropy of a softmax taken as one step, given the gradient
    /// `upstream` arriving at the loss: ∂L/∂o = p · Σt − t, entry by entry for scalar logits
    /// (∂L/∂oᵢ = pᵢ · Σt − tᵢ), and ∂L/∂t = −log softmax(o). With `targetsSumToOne` the factor
    /// Σt is left out: ∂L/∂o = p − t.
    func contributions(
        of step: SoftmaxCrossEntropy, upstream g: Expr, targetsSumToOne: Bool
    ) throws(EquationError) -> [(String, Expr)] {
        func pass(_ gradient: Expr, _ operand: Expr) throws(EquationError) -> [(String, Expr)] {
            try contributions(of: operand, upstream: gradient, result: operand)
        }
        func scaled(_ p: Expr) -> Expr { targetsSumToOne ? p : p * step.targetSum }
        let toLogits = try passToLogits(
            step.logits, g * (scaled(step.probabilities) - step.target),
            entry: { g * (scaled(Expr(.index(step.probabilities, [$0]))) - step.target($0)) }, pass: pass
        )
        return try toLogits + pass(-(g * Expr(.call(.logsoftmax, step.logits))), step.target)
    }

    /// Passes `gradient`, shaped like the logits of a softmax stacked into a vector, on to the
    /// logits: whole to a vector, or `entry(i)` (1-based) to the i-th of several scalars.
    private func passToLogits(
        _ logits: [Expr], _ gradient: Expr, entry: (Int) -> Expr,
        pass: (Expr, Expr) throws(EquationError) -> [(String, Expr)]
    ) throws(EquationError) -> [(String, Expr)] {
        if logits.count == 1 { return try pass(gradient, logits[0]) }
        var all: [(String, Expr)] = []
        for (i, logit) in logits.enumerated() { all += try pass(entry(i + 1), logit) }
        return all
    }

    /// A vector or matrix of zeros holding `gradient` at the 1-based position `indices`.
    private static func scatter(_ gradient: Expr, at indices: [Int], into shape: Shape) -> Expr {
        switch shape {
        case .matrix(let rows, let columns):
            return Expr(.matrix((1...rows).map { i in
                (1...columns).map { j in [i, j] == indices ? gradient : .number(0) }
            }))
        default:
            return Expr(.vector((1...max(1, shape.count)).map { $0 == indices[0] ? gradient : .number(0) }))
        }
    }
}
