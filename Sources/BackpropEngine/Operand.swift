/// A part of a formula written as its number: a name, a gradient or an entry (`1.608` for b),
/// or a whole chain-rule path (`−0.126` for ∂L/∂o₁ · v₁), with the decimals it is shown with.
struct Operand {
    /// The part of the formula the number stands for.
    let expression: Expr
    /// Its value.
    let value: Tensor
    /// How many decimals it is shown with.
    var decimals: Int
}

/// What a line of numbers states: `expression`, redone from the operands as shown, gives
/// `value` as shown with `decimals` decimals.
struct Claim {
    let expression: Expr
    let value: Tensor
    let decimals: Int
}

/// Operands found by the part of a formula they stand for: the first operand that is that very
/// part or reads the same. A few are searched one by one; many are found through tables, a name, a
/// gradient or an entry by what it reads, any other part by its identity.
struct OperandTable {
    /// The operands, in order.
    let operands: [Operand]
    private var byPart: [ObjectIdentifier: Int] = [:]
    private var byReading: [Expr: Int] = [:]
    /// Past this many operands, tables find them.
    static let searched = 8

    /// A table of `operands`.
    init(_ operands: [Operand]) {
        self.operands = operands
        guard operands.count > OperandTable.searched else { return }
        var first: [Expr: Int] = [:]
        for (index, operand) in operands.enumerated() {
            let canonical = first[operand.expression] ?? index
            first[operand.expression] = canonical
            byPart[operand.expression.identity] = byPart[operand.expression.identity] ?? canonical
            if OperandTable.readsAlike(operand.expression) { byReading[operand.expression] = byReading[operand.expression] ?? canonical }
        }
    }

    /// Where in `operands` the operand for `part` is, if `part` has one.
    func index(of part: Expr) -> Int? {
        guard operands.count > OperandTable.searched else { return operands.firstIndex { $0.expression == part } }
        return byPart[part.identity] ?? (OperandTable.readsAlike(part) ? byReading[part] : nil)
    }

    /// The operand for `part`, if it has one.
    subscript(part: Expr) -> Operand? { index(of: part).map { operands[$0] } }

    /// True for the parts a formula reads by name: names, gradients and entries.
    private static func readsAlike(_ part: Expr) -> Bool {
        switch part.kind {
        case .name, .gradient, .index: true
        default: false
        }
    }
}

extension FormulaWriter {
    /// The parts of `expression` written as numbers with `bindings`, in the order they are
    /// written, each once, at `precision`: every name and gradient bound, and every entry
    /// that can be evaluated.
    func operands(of expression: Expr, _ bindings: Bindings) -> [Operand] {
        var found: [Operand] = []
        var seen: Set<Expr> = []
        func visit(_ part: Expr) {
            let value: Tensor? = switch part.kind {
            case .name(let name): bindings.values[name]
            case .gradient(let name): bindings.gradients[name]
            case .index: try? bindings.evaluate(part)
            default: nil
            }
            if let value {
                // A few operands are told apart one by one, more through a set.
                let isNew = found.count < OperandTable.searched ? !found.contains { $0.expression == part } : seen.insert(part).inserted
                if isNew {
                    found.append(Operand(expression: part, value: value, decimals: notation.precision))
                    if found.count == OperandTable.searched { seen = Set(found.map(\.expression)) }
                }
            } else {
                part.forEachChild(visit)
            }
        }
        visit(expression)
        return found
    }

    /// `operands` with the fewest decimals that make every claim come true when redone from the
    /// numbers as shown: first the fewest for all of them at once, then, one by one, the fewest
    /// each needs with the others as they are (for up to `oneByOne` operands: past that, redoing
    /// the claims for each would cost the square of their count). A result that lands exactly
    /// halfway between two shown values is taken only when no number of decimals avoids it
    /// (0.5 · 1.90² = 1.805).
    func fewestDecimals(_ operands: [Operand], _ claims: [Claim]) -> [Operand] {
        guard operands.allSatisfy(\.value.isFinite), claims.allSatisfy(\.value.isFinite) else { return operands }
        let decimals = notation.precision...notation.precision + Notation.extraDecimals
        let all = { (count: Int) in operands.map { Operand(expression: $0.expression, value: $0.value, decimals: count) } }
        let table = OperandTable(operands)
        var shown = ShownOperands(operands, notation)
        let claimed = claims.map { claim in claim.value.scalars.map { notation.shown($0, decimals: claim.decimals) } }
        for tie in [false, true] {
            guard let common = decimals.first(where: { holds(claims, claimed, all($0), table, &shown, tie: tie) }) else { continue }
            var chosen = all(common)
            for index in chosen.indices where chosen.count <= FormulaWriter.oneByOne {
                for fewer in notation.precision..<common {
                    var trial = chosen
                    trial[index].decimals = fewer
                    // An operand that reads the very same with fewer decimals leaves the redone
                    // line as it is, and as it is the line holds.
                    if shown.readsAlike(index, fewer, common) || holds(claims, claimed, trial, table, &shown, tie: tie) {
                        chosen = trial
                        break
                    }
                }
            }
            return chosen
        }
        return operands
    }

    /// The most operands given their decimals one by one.
    static let oneByOne = 32

    /// True when every claim, redone from `operands` as shown, rounds to its value as shown
    /// (`claimed`, entry by entry); with `tie`, also when it lands halfway between that value and
    /// a neighbour. `table` finds the operands' places in `operands`, `shown` their numbers as
    /// shown.
    private func holds(
        _ claims: [Claim], _ claimed: [[Double]], _ operands: [Operand], _ table: OperandTable, _ shown: inout ShownOperands, tie: Bool
    ) -> Bool {
        zip(claims, claimed).allSatisfy { claim, claimed in
            let redone = try? Evaluator(values: [:]).evaluate(claim.expression) { part in
                table.index(of: part).map { index in shown.value(index, decimals: operands[index].decimals) }
            }
            guard let value = redone, value.scalars.count == claimed.count else { return false }
            let halfUnit = 0.5 / Notation.power(claim.decimals)
            return zip(value.scalars, claimed).allSatisfy { redone, shown in
                abs(redone - shown) <= halfUnit * (tie ? 1 + 1e-9 : 1 - 1e-9)
            }
        }
    }
}

/// The numbers of operands as shown, the value a reader takes from each, worked out once for each
/// operand and number of decimals.
private struct ShownOperands {
    private let operands: [Operand]
    private let notation: Notation
    /// Operand i's value with `precision` + k decimals at i · `choices` + k, once worked out.
    private var known: [Tensor?]
    private static let choices = Notation.extraDecimals + 1

    init(_ operands: [Operand], _ notation: Notation) {
        (self.operands, self.notation) = (operands, notation)
        known = Array(repeating: nil, count: operands.count * ShownOperands.choices)
    }

    /// True when operand `index` reads the very same with `decimals` as with `other` decimals.
    mutating func readsAlike(_ index: Int, _ decimals: Int, _ other: Int) -> Bool {
        let (a, b) = (value(index, decimals: decimals), value(index, decimals: other))
        return zip(a.scalars, b.scalars).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    /// Operand `index`'s value as shown with `decimals` decimals.
    mutating func value(_ index: Int, decimals: Int) -> Tensor {
        let choice = decimals - notation.precision
        let place = (0..<ShownOperands.choices).contains(choice) ? index * ShownOperands.choices + choice : nil
        if let place, let value = known[place] { return value }
        let value = operands[index].value.map { [notation] in notation.shown($0, decimals: decimals) }
        if let place { known[place] = value }
        return value
    }
}
