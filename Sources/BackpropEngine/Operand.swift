/// A part of a formula written as its number: a name, a gradient or an entry (`1.608` for b),
/// or a whole chain-rule path (`−0.126` for ∂L/∂o₁ · v₁), with the shape of its value.
struct Operand {
    /// The part of the formula the number stands for.
    let expression: Expr
    /// The shape of its value.
    let shape: Shape
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

    /// True for the parts a formula reads by name: names, gradients and entries.
    private static func readsAlike(_ part: Expr) -> Bool {
        switch part.kind {
        case .name, .gradient, .index: true
        default: false
        }
    }
}

extension Expr {
    /// The parts written as numbers when this formula is written with the values and gradients
    /// at hand (their shapes by name): every name and gradient at hand, and every entry that reads
    /// only those and whose shapes fit, in the order they are written, each once.
    func operands(values: [String: Shape], gradients: [String: Shape]) -> [Operand] {
        var found: [Operand] = []
        var seen: Set<Expr> = []
        let checker = ShapeChecker(values: values, gradients: gradients)
        func visit(_ part: Expr) {
            let shape: Shape? = switch part.kind {
            case .name(let name): values[name]
            case .gradient(let name): gradients[name]
            case .index: part.reads(values: values, gradients: gradients) ? try? checker.shape(of: part, fallback: .unknown) : nil
            default: nil
            }
            if let shape {
                if seen.insert(part).inserted { found.append(Operand(expression: part, shape: shape)) }
            } else {
                part.forEachChild(visit)
            }
        }
        visit(self)
        return found
    }

    /// True when every name and gradient the expression reads is among those given.
    func reads(values: [String: Shape], gradients: [String: Shape]) -> Bool {
        var all = true
        visit { part in
            switch part.kind {
            case .name(let name): all = all && values[name] != nil
            case .gradient(let name): all = all && gradients[name] != nil
            default: break
            }
        }
        return all
    }
}
