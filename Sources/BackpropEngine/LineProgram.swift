/// The numbers of the lines a step writes, compiled once for its formulas: where the values and
/// gradients the formulas read go, how each number plugged in (an operand) and each result the
/// line states (a claim) is worked out from them, and how each claim is redone from the operands
/// as shown. A run fills in an iteration's numbers and gives each operand the fewest decimals (at
/// least the notation's precision) that let a learner redo the line by hand and get its result:
/// first the fewest for all of them at once, then, one by one, the fewest each needs with the
/// others as they are (for up to `oneByOne` operands: past that, redoing the claims for each would
/// cost the square of their count). A result that lands exactly halfway between two shown values
/// is taken only when no number of decimals avoids it (0.5 · 1.90² = 1.805). A claim's value is
/// worked out by the program from the numbers loaded, with the arithmetic of the engine's
/// `Program`, which gives the numbers the evaluator gives to the last bit.
struct LineProgram: Sendable {
    /// A value or a gradient a formula reads, by name.
    enum Leaf: Hashable, Sendable {
        case value(String)
        case gradient(String)
    }

    /// How many decimals a claim's value is shown with: the notation's precision, or as many as
    /// an operand of an earlier line was given (a path's number, which the line that adds up the
    /// paths must give as shown).
    enum Decimals: Sendable {
        case precision
        case operand(line: Int, index: Int)
    }

    /// How many decimals a compiled claim's value is shown with: the notation's precision, or as
    /// many as the operand at that place among all lines' operands was given.
    private enum Place: Sendable {
        case precision
        case operand(Int)
    }

    /// A line of numbers as it is asked for: its operands, and what it claims, each claim a
    /// formula over them and the decimals its value is shown with. Every value and gradient an
    /// operand reads must be at hand, and a claim shown like an operand names one of an earlier
    /// line.
    struct Request {
        let operands: [Operand]
        let claims: [(formula: Expr, decimals: Decimals)]

        /// A request of `operands` claiming `claims`.
        init(operands: [Operand], claims: [(formula: Expr, decimals: Decimals)]) {
            (self.operands, self.claims) = (operands, claims)
        }

        /// `formula` with the numbers of `bindings` plugged in, claiming its value.
        init(plugging formula: Expr, into bindings: Bindings) {
            let shapes = bindings.shapes
            self.init(operands: formula.operands(values: shapes.values, gradients: shapes.gradients), claims: [(formula, .precision)])
        }
    }

    /// A claim compiled: where its value is worked out, where it is redone from the operands as
    /// shown, where its value as shown goes, and with how many decimals it is shown.
    private struct Claim: Sendable {
        let exact: Slot
        let redone: Slot
        let claimed: Slot
        let decimals: Place
    }

    /// A line compiled: its operands and its claims, by their places among all lines', and the
    /// instructions that redo its claims.
    private struct Line: Sendable {
        let operands: Range<Int>
        let claims: Range<Int>
        let redo: Range<Int>
    }

    /// The leaves the formulas read.
    private let leaves: [Leaf]
    /// Where each leaf's numbers go; none for a leaf the bindings did not hold when the program
    /// was compiled.
    private let leafSlots: [Slot?]
    private let lines: [Line]
    /// Every line's operands, in order: where each one's number is, and where its number as
    /// shown goes.
    private let operands: [(exact: Slot, shown: Slot)]
    /// Every line's claims, in order.
    private let claims: [Claim]
    private let instructions: [Instruction]
    private let sources: [Int]
    /// The instructions working out every operand and claim from the leaves.
    private let exact: Range<Int>
    private var buffer: [Double]
    /// The layout of the iterations last loaded from, and where each leaf is in them.
    private var placesLayout: NumberLayout?
    private var places: [Slot?] = []
    /// The decimals each operand (in the order of `operands`) was given by the last run.
    private var decimals: [Int]
    /// The most operands given their decimals one by one.
    static let oneByOne = 32

    /// `requests` compiled over the values and gradients `bindings` holds. A claim that reads a
    /// value or gradient it does not hold, or whose shapes do not fit, is left out.
    init(_ requests: [Request], over bindings: Bindings) {
        var builder = ProgramBuilder()
        var leaves: [(leaf: Leaf, slot: Slot?)] = []
        var (values, gradients): ([String: Slot], [String: Slot]) = ([:], [:])
        var seen: Set<Leaf> = []
        let formulas = requests.flatMap { $0.operands.map(\.expression) + $0.claims.map(\.formula) }
        for formula in formulas {
            formula.visit { part in
                let (leaf, value): (Leaf, Tensor?)
                switch part.kind {
                case .name(let name): (leaf, value) = (.value(name), bindings.values[name])
                case .gradient(let name): (leaf, value) = (.gradient(name), bindings.gradients[name])
                default: return
                }
                guard seen.insert(leaf).inserted else { return }
                let slot = value.map { builder.allocate($0.shape) }
                leaves.append((leaf, slot))
                switch leaf {
                case .value(let name): values[name] = slot
                case .gradient(let name): gradients[name] = slot
                }
            }
        }
        let shapes = (values: values.mapValues(\.shape), gradients: gradients.mapValues(\.shape))
        let checker = ShapeChecker(values: shapes.values, gradients: shapes.gradients)
        let kept = requests.map { request in
            request.claims.filter { claim in
                claim.formula.reads(values: shapes.values, gradients: shapes.gradients)
                    && (try? checker.shape(of: claim.formula, fallback: .unknown)) != nil
            }
        }
        let operands = requests.map { $0.operands.map { builder.compile($0.expression, values: values, gradients: gradients) } }
        let exactClaims = kept.map { $0.map { builder.compile($0.formula, values: values, gradients: gradients) } }
        exact = 0..<builder.instructions.count

        var (lines, allOperands, allClaims): ([Line], [(exact: Slot, shown: Slot)], [Claim]) = ([], [], [])
        for ((request, claims), (operands, exactClaims)) in zip(zip(requests, kept), zip(operands, exactClaims)) {
            let firstOperand = allOperands.count
            let shown = operands.map { builder.allocate($0.shape) }
            allOperands += zip(operands, shown).map { ($0, $1) }
            let placeholders = Dictionary(uniqueKeysWithValues: shown.enumerated().map { (LineProgram.placeholder($0), $1) })
            let table = OperandTable(request.operands)
            let (firstClaim, start) = (allClaims.count, builder.instructions.count)
            for (claim, exact) in zip(claims, exactClaims) {
                if case .operand(let line, _) = claim.decimals { precondition(line < lines.count, "a claim shown like an operand of a later line") }
                let redone = claim.formula.replacing { table.index(of: $0).map { .name(LineProgram.placeholder($0)) } }
                let place: Place = switch claim.decimals {
                case .precision: .precision
                case .operand(let line, let index):
                    .operand(lines[line].operands.lowerBound + index)
                }
                allClaims.append(Claim(
                    exact: exact, redone: builder.compile(redone, values: values.merging(placeholders) { _, shown in shown }, gradients: gradients),
                    claimed: builder.allocate(exact.shape), decimals: place
                ))
            }
            lines.append(Line(
                operands: firstOperand..<allOperands.count, claims: firstClaim..<allClaims.count, redo: start..<builder.instructions.count
            ))
        }
        self.leaves = leaves.map(\.leaf)
        leafSlots = leaves.map(\.slot)
        self.lines = lines
        self.operands = allOperands
        self.claims = allClaims
        instructions = builder.instructions
        sources = builder.sources
        buffer = builder.template
        decimals = allOperands.map { _ in 0 }
    }

    /// The name an operand's number as shown goes by in a redone claim: no name of a model.
    private static func placeholder(_ index: Int) -> String { "\u{0}\(index)" }

    /// Puts the values and gradients `source` holds in their places, when it holds the leaves as
    /// they were when the program was compiled: the same ones, of the same shapes. False, with
    /// the numbers half in place, when it does not.
    mutating func load(_ source: StepSource) -> Bool {
        switch source {
        case .bindings(let bindings):
            for (leaf, slot) in zip(leaves, leafSlots) {
                let value = bindings.numbers(of: leaf)
                guard value?.shape == slot?.shape else { return false }
                if let slot, let value { place(value.scalars[...], at: slot) }
            }
        case .iteration(let numbers):
            if placesLayout !== numbers.layout {
                (placesLayout, places) = (numbers.layout, leaves.map(numbers.layout.slot))
            }
            guard places.count == leafSlots.count, zip(leafSlots, places).allSatisfy({ $0?.shape == $1?.shape }) else { return false }
            let (slots, places) = (leafSlots, self.places)
            buffer.withUnsafeMutableBufferPointer { buffer in
                for (slot, place) in zip(slots, places) {
                    guard let slot, let place else { continue }
                    numbers.withNumbers(at: place) { numbers in
                        for offset in numbers.indices { buffer[slot.start + offset] = numbers[offset] }
                    }
                }
            }
        }
        return true
    }

    /// Puts `numbers` at `slot` of the buffer.
    private mutating func place(_ numbers: ArraySlice<Double>, at slot: Slot) {
        buffer.withUnsafeMutableBufferPointer { buffer in
            for (offset, number) in zip(slot.range, numbers) { buffer[offset] = number }
        }
    }

    /// Works out every line's numbers from those loaded, and gives each operand the fewest
    /// decimals that make its line's claims come true as shown.
    mutating func run(_ notation: Notation) {
        let exact = self.exact
        buffer.withUnsafeMutableBufferPointer { buffer in
            instructions.withUnsafeBufferPointer { instructions in
                sources.withUnsafeBufferPointer { sources in
                    operands.withUnsafeBufferPointer { operands in
                        claims.withUnsafeBufferPointer { claims in
                            decimals.withUnsafeMutableBufferPointer { decimals in
                                guard let b = buffer.baseAddress else { return }
                                let computed = (try? Instruction.run(UnsafeBufferPointer(rebasing: instructions[exact]), sources: sources, in: b)) != nil
                                for line in lines {
                                    let search = Search(
                                        buffer: b, notation: notation, instructions: UnsafeBufferPointer(rebasing: instructions[line.redo]),
                                        sources: sources, operands: UnsafeBufferPointer(rebasing: operands[line.operands]),
                                        claims: UnsafeBufferPointer(rebasing: claims[line.claims])
                                    )
                                    let chosen = UnsafeMutableBufferPointer(rebasing: decimals[line.operands])
                                    if computed { search.fewestDecimals(into: chosen, claimedWith: UnsafeBufferPointer(decimals)) } else { chosen.update(repeating: notation.precision) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where among all lines' operands operand `index` of line `line` is.
    func place(of index: Int, in line: Int) -> Int {
        lines[line].operands.lowerBound + index
    }

    /// Appends the operand at `place` among all lines' operands as the last run shows it, a
    /// vector as a row when `asRow`.
    func write(operand place: Int, asRow: Bool, _ notation: Notation, into text: inout [UInt8]) {
        let slot = operands[place].exact
        buffer.withUnsafeBufferPointer { buffer in
            notation.write(UnsafeBufferPointer(rebasing: buffer[slot.range]), slot.shape, decimals: decimals[place], asRow: asRow, into: &text)
        }
    }

    /// The search for the fewest decimals of one line's operands, in the program's buffer.
    private struct Search {
        let buffer: UnsafeMutablePointer<Double>
        let notation: Notation
        /// The instructions that redo the line's claims.
        let instructions: UnsafeBufferPointer<Instruction>
        let sources: UnsafeBufferPointer<Int>
        let operands: UnsafeBufferPointer<(exact: Slot, shown: Slot)>
        let claims: UnsafeBufferPointer<Claim>

        /// Puts in `chosen` the decimals of each operand, once the claims' values as shown are in
        /// place, each with the decimals it is shown with (those in `given`, all lines' operands',
        /// for a claim shown like an operand of an earlier line).
        func fewestDecimals(into chosen: UnsafeMutableBufferPointer<Int>, claimedWith given: UnsafeBufferPointer<Int>) {
            let precision = notation.precision
            chosen.update(repeating: precision)
            guard operands.allSatisfy({ finite($0.exact) }), claims.allSatisfy({ finite($0.exact) }) else { return }
            for claim in claims {
                let decimals = self.decimals(of: claim, given)
                for offset in 0..<claim.exact.shape.count {
                    buffer[claim.claimed.start + offset] = notation.shown(buffer[claim.exact.start + offset], decimals: decimals)
                }
            }
            for tie in [false, true] {
                guard let common = (precision...precision + Notation.extraDecimals).first(where: { decimals in
                    operands.indices.forEach { show($0, decimals: decimals) }
                    return holds(given, tie: tie)
                }) else { continue }
                chosen.update(repeating: common)
                guard operands.count <= LineProgram.oneByOne else { return }
                for index in operands.indices {
                    for fewer in precision..<common {
                        // An operand that reads the very same with fewer decimals leaves the redone
                        // line as it is, and as it is the line holds.
                        if show(index, decimals: fewer, unlessAlike: common) || holds(given, tie: tie) {
                            chosen[index] = fewer
                            break
                        }
                        show(index, decimals: common)
                    }
                }
                return
            }
        }

        /// How many decimals `claim`'s value is shown with.
        private func decimals(of claim: Claim, _ given: UnsafeBufferPointer<Int>) -> Int {
            switch claim.decimals {
            case .precision: notation.precision
            case .operand(let place): given[place]
            }
        }

        /// True when every number at `slot` is finite.
        private func finite(_ slot: Slot) -> Bool {
            slot.range.allSatisfy { buffer[$0].isFinite }
        }

        /// Puts operand `index`'s number as shown with `decimals` in its place; with
        /// `unlessAlike`, true when it reads the very same as with those decimals.
        @discardableResult
        private func show(_ index: Int, decimals: Int, unlessAlike other: Int? = nil) -> Bool {
            let (exact, shown) = operands[index]
            var alike = other != nil
            for offset in 0..<exact.shape.count {
                let value = notation.shown(buffer[exact.start + offset], decimals: decimals)
                if let other, alike { alike = value.bitPattern == notation.shown(buffer[exact.start + offset], decimals: other).bitPattern }
                buffer[shown.start + offset] = value
            }
            return alike
        }

        /// True when every claim, redone from the operands as shown, rounds to its value as shown;
        /// with `tie`, also when it lands halfway between that value and a neighbour.
        private func holds(_ given: UnsafeBufferPointer<Int>, tie: Bool) -> Bool {
            guard (try? Instruction.run(instructions, sources: sources, in: buffer)) != nil else { return false }
            return claims.allSatisfy { claim in
                let halfUnit = 0.5 / Notation.power(decimals(of: claim, given)) * (tie ? 1 + 1e-9 : 1 - 1e-9)
                return (0..<claim.exact.shape.count).allSatisfy { offset in
                    abs(buffer[claim.redone.start + offset] - buffer[claim.claimed.start + offset]) <= halfUnit
                }
            }
        }
    }
}

/// Where the numbers of a step come from: values and gradients by name, or an iteration's
/// numbers as the program left them.
enum StepSource {
    case bindings(Bindings)
    case iteration(IterationNumbers)

    /// The values and gradients, by name.
    var bindings: Bindings {
        switch self {
        case .bindings(let bindings): bindings
        case .iteration(let numbers): Bindings(values: numbers.values, gradients: numbers.gradients)
        }
    }
}

extension NumberLayout {
    /// Where the value or gradient `leaf` names lives, if an iteration keeps it.
    func slot(of leaf: LineProgram.Leaf) -> Slot? {
        switch leaf {
        case .value(let name): value(name)
        case .gradient(let name): gradient(name)
        }
    }
}

extension Bindings {
    /// The shapes of the values and of the gradients, by name.
    var shapes: (values: [String: Shape], gradients: [String: Shape]) {
        (values.mapValues(\.shape), gradients.mapValues(\.shape))
    }

    /// The value or gradient `leaf` names, if these bindings hold it.
    func numbers(of leaf: LineProgram.Leaf) -> Tensor? {
        switch leaf {
        case .value(let name): values[name]
        case .gradient(let name): gradients[name]
        }
    }
}
