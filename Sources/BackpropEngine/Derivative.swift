/// The local derivative rules: for each operation, how the gradient arriving at its result is
/// passed on to each operand, written as an expression so the tutor can show it. This is
/// reverse mode (a vector-Jacobian product) applied symbolically to one equation.
struct Derivative {
    /// The shape of every name in scope.
    let shapes: [String: Shape]
    /// The shapes of the parts met, each worked out once.
    private let known: KnownShapes

    /// A derivation over names of `shapes`, keeping the shapes of parts in `known`.
    init(shapes: [String: Shape], known: KnownShapes = KnownShapes()) {
        self.shapes = shapes
        self.known = known
    }

    /// The contributions `expression` passes to each name it reads, given the gradient
    /// `upstream` arriving at its result, which is itself named by `result`.
    func contributions(of expression: Expr, upstream: Expr, result: Expr) throws(EquationError) -> [(String, Expr)] {
        var all: [(String, Expr)] = []
        try collect(expression, upstream: upstream, result: result, into: &all)
        return all
    }

    private func shape(_ expression: Expr) throws(EquationError) -> Shape {
        try ShapeChecker(shapes: shapes, remembering: known).shape(of: expression, fallback: expression.location ?? .unknown)
    }

    /// Appends to `all` the contributions of `expression`, as `contributions` gives them.
    private func collect(_ expression: Expr, upstream g: Expr, result: Expr, into all: inout [(String, Expr)]) throws(EquationError) {
        let resultShape = try shape(expression)
        /// Passes `gradient` on to `operand`.
        func pass(_ gradient: Expr, to operand: Expr) throws(EquationError) {
            try collect(operand, upstream: gradient, result: operand, into: &all)
        }
        /// Passes `gradient` on to an operand of an entry-wise operation, summed first when the
        /// operand is a scalar that was broadcast over a vector or matrix.
        func passEntryWise(_ gradient: Expr, to operand: Expr) throws(EquationError) {
            let broadcast = try shape(operand) == .scalar && resultShape != .scalar
            try pass(broadcast ? Expr(.call(.sum, [gradient])) : gradient, to: operand)
        }

        switch expression.kind {
        case .number, .gradient, .transpose, .outer, .broadcast, .sparse:
            return
        case .name(let name):
            all.append((name, g))
        case .negate(let a):
            try pass(-g, to: a)
        case .binary(.add, let a, let b):
            try passEntryWise(g, to: a)
            try passEntryWise(g, to: b)
        case .binary(.subtract, let a, let b):
            try passEntryWise(g, to: a)
            try passEntryWise(-g, to: b)
        case .binary(.multiply, _, _):
            for (factor, gradient) in Derivative.product(expression, upstream: g) { try passEntryWise(gradient, to: factor) }
        case .binary(.divide, let a, let b):
            try passEntryWise(g / b, to: a)
            try passEntryWise(-(g * a / Expr(.binary(.power, b, .number(2)))), to: b)
        case .binary(.power, let a, let b):
            try passEntryWise(g * b * Expr(.binary(.power, a, b - .number(1))), to: a)
            if !b.names.isEmpty { try passEntryWise(g * result * Expr(.call(.log, [a])), to: b) }
        case .binary(.matmul, let a, let b):
            switch (try shape(a), try shape(b)) {
            case (.matrix, .vector):
                try pass(Expr(.outer(g, b)), to: a)
                try pass(Expr(.binary(.matmul, Expr(.transpose(a)), g)), to: b)
            case (.matrix, .matrix):
                try pass(Expr(.binary(.matmul, g, Expr(.transpose(b)))), to: a)
                try pass(Expr(.binary(.matmul, Expr(.transpose(a)), g)), to: b)
            case (.vector, .matrix):
                try pass(Expr(.binary(.matmul, b, g)), to: a)
                try pass(Expr(.outer(a, g)), to: b)
            default:
                try pass(g * b, to: a)
                try pass(g * a, to: b)
            }
        case .call(let function, let arguments):
            for (argument, gradient, entryWise) in try callContributions(function, arguments, upstream: g, result: result) {
                try entryWise ? passEntryWise(gradient, to: argument) : pass(gradient, to: argument)
            }
        case .vector(let entries):
            for (i, entry) in entries.enumerated() { try pass(Expr(.index(g, [i + 1])), to: entry) }
        case .matrix(let rows):
            for (i, row) in rows.enumerated() {
                for (j, entry) in row.enumerated() { try pass(Expr(.index(g, [i + 1, j + 1])), to: entry) }
            }
        case .index(let a, let indices):
            let whole = try shape(a)
            try pass(Expr(.sparse(whole, [Expr.SparseEntry(offset: whole.offset(of: indices), value: g)])), to: a)
        }
    }

    /// The gradient each factor of a chain of `*` receives, given `g` at its result: the factors
    /// as written, left to right, each with g times the others in order, the product of those
    /// before it (the chain as computed up to there) times the product of those after it. A name
    /// used as several factors receives once their count times what its first use receives
    /// (∂(w·w·w)/∂w = 3 · w · w); a number receives nothing. Every gradient reuses those shared
    /// products, so a chain of n factors passes on gradients of n parts in all, not n².
    private static func product(_ chain: Expr, upstream g: Expr) -> [(factor: Expr, gradient: Expr)] {
        var factors: [Expr] = [], upTo: [Expr] = []
        var node = chain
        while case .binary(.multiply, let a, let b) = node.kind {
            factors.append(b)
            upTo.append(node)
            node = a
        }
        factors.append(node)
        upTo.append(node)
        factors.reverse()
        upTo.reverse()
        var after = [Expr?](repeating: nil, count: factors.count)
        for i in factors.indices.dropLast().reversed() { after[i] = after[i + 1].map { factors[i + 1] * $0 } ?? factors[i + 1] }
        var uses: [String: Int] = [:]
        for factor in factors { if case .name(let name) = factor.kind { uses[name, default: 0] += 1 } }
        var passed: Set<String> = []
        var gradients: [(factor: Expr, gradient: Expr)] = []
        for (i, factor) in factors.enumerated() {
            var count = 1
            switch factor.kind {
            case .number: continue
            case .name(let name):
                guard passed.insert(name).inserted else { continue }
                count = uses[name] ?? 1
            default: break
            }
            var gradient = count == 1 ? g : .number(Double(count)) * g
            if i > 0 { gradient = gradient * upTo[i - 1] }
            if let rest = after[i] { gradient = gradient * rest }
            gradients.append((factor, gradient))
        }
        return gradients
    }

    /// What a call passes on to each argument: the gradient, and whether it goes to an argument
    /// of an entry-wise function that a scalar may be broadcast in. Where a function has a kink,
    /// the derivative there is 0 (relu and abs at 0), and a tie of max or min sends the whole
    /// gradient to the first argument.
    private func callContributions(
        _ function: Function, _ arguments: [Expr], upstream g: Expr, result: Expr
    ) throws(EquationError) -> [(operand: Expr, gradient: Expr, entryWise: Bool)] {
        func call(_ function: Function, _ arguments: Expr...) -> Expr { Expr(.call(function, arguments)) }
        func to(_ argument: Expr, _ gradient: Expr) -> [(operand: Expr, gradient: Expr, entryWise: Bool)] { [(argument, gradient, false)] }
        let a = arguments[0]
        switch function {
        case .sigmoid:
            return to(a, g * result * (.number(1) - result))
        case .tanh:
            return to(a, g * (.number(1) - Expr(.binary(.power, result, .number(2)))))
        case .relu:
            return to(a, g * call(.step, a))
        case .softplus:
            return to(a, g * call(.sigmoid, a))
        case .exp:
            return to(a, g * result)
        case .log:
            return to(a, g / a)
        case .sqrt:
            return to(a, g / (.number(2) * result))
        case .abs:
            return to(a, g * call(.sign, a))
        case .step, .sign:
            // Flat on each side of 0: the gradient passed on is ∂L/∂result · 0, a zero of the argument's shape.
            return to(a, g * Expr(.broadcast(.number(0), try shape(a))))
        case .max, .min:
            let b = arguments[1]
            // 1 where b wins outright: b > a for max, b < a for min; the first argument takes the rest, ties included.
            let toSecond = function == .max ? call(.step, b - a) : call(.step, a - b)
            return [(a, g * (.number(1) - toSecond), true), (b, g * toSecond, true)]
        case .sum:
            let shape = try shape(a)
            return to(a, shape == .scalar ? g : Expr(.broadcast(g, shape)))
        case .softmax:
            let toLogits = result * (g - Expr(.call(.sum, [g * result])))
            return Derivative.toLogits(arguments, toLogits) { Expr(.index(toLogits, [$0])) }
        case .logsoftmax:
            let toLogits = g - Expr(.call(.softmax, arguments)) * Expr(.call(.sum, [g]))
            return Derivative.toLogits(arguments, toLogits) { Expr(.index(toLogits, [$0])) }
        case .crossentropy:
            let (p, t) = (a, arguments[1])
            return to(p, -(g * t / p)) + to(t, -(g * Expr(.call(.log, [p]))))
        }
    }

    /// The contributions of a cross-entropy of a softmax taken as one step, given the gradient
    /// `upstream` arriving at the loss: ∂L/∂o = p · Σt − t, entry by entry for scalar logits
    /// (∂L/∂oᵢ = pᵢ · Σt − tᵢ), and ∂L/∂t = −log softmax(o). With `targetsSumToOne` the factor
    /// Σt is left out: ∂L/∂o = p − t.
    func contributions(
        of step: SoftmaxCrossEntropy, upstream g: Expr, targetsSumToOne: Bool
    ) throws(EquationError) -> [(String, Expr)] {
        func scaled(_ p: Expr) -> Expr { targetsSumToOne ? p : p * step.targetSum }
        let toLogits = Derivative.toLogits(step.logits, g * (scaled(step.probabilities) - step.target)) {
            g * (scaled(Expr(.index(step.probabilities, [$0]))) - step.target($0))
        }
        var all: [(String, Expr)] = []
        for (operand, gradient, _) in toLogits + [(step.target, -(g * Expr(.call(.logsoftmax, step.logits))), false)] {
            try collect(operand, upstream: gradient, result: operand, into: &all)
        }
        return all
    }

    /// `gradient`, shaped like the logits of a softmax stacked into a vector, for the logits:
    /// whole for a vector, or `entry(i)` (1-based) for the i-th of several scalars.
    private static func toLogits(
        _ logits: [Expr], _ gradient: Expr, entry: (Int) -> Expr
    ) -> [(operand: Expr, gradient: Expr, entryWise: Bool)] {
        if logits.count == 1 { return [(logits[0], gradient, false)] }
        return logits.enumerated().map { ($1, entry($0 + 1), false) }
    }
}
