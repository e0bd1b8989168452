/// Compiles expressions into a `Program`, one instruction per operation.
///
/// Each part of an expression is compiled once: a part met again (an operand of an equation that
/// its gradient reuses, a gradient that several terms read) is found by its identity, and a part
/// built apart but computing the same operation on the same numbers is found by value numbering,
/// so the program's length follows the number of distinct operations, not the size of the
/// expressions written out. An equation's forward step reuses only what that equation computes,
/// so that it can be skipped (a node held for a central difference) without leaving another
/// equation a stale number; the backward pass reuses anything the forward pass computed.
struct ProgramBuilder {
    private(set) var instructions: [Instruction] = []
    private(set) var sources: [Int] = []
    private(set) var template: [Double] = []
    private var constants: [UInt64: Slot] = [:]
    /// Each part compiled, by identity, and each operation, by value, with the scope it was
    /// compiled in.
    private var parts = PartTable<(slot: Slot, scope: Int)>()
    private var operations: [Operation: (slot: Slot, scope: Int)] = [:]
    /// What is being compiled: an equation's forward step, numbered from 0, or the backward pass.
    private var scope = 0
    /// The scope of the backward pass, which may reuse what any scope computed.
    private static let backwardScope = -1

    /// An operation on numbers in known places: two equal operations give equal numbers.
    private enum Operation: Hashable {
        case map(UnaryOperation, Slot)
        case zip(BinaryOperation, Slot, Slot)
        case matmul(Slot, Slot)
        case transpose(Slot)
        case outer(Slot, Slot)
        case sum(Slot)
        case softmax(Slot)
        case logSoftmax(Slot)
        case crossEntropy(Slot, Slot)
        case spread(Slot, Shape)
        case gather([Int], Shape)
        case choose(condition: Int, Slot, Slot)
    }

    /// Room for a value of `shape`, filled with `value` in the template.
    mutating func allocate(_ shape: Shape, filledWith value: Double = 0) -> Slot {
        let slot = Slot(start: template.count, shape: shape)
        template.append(contentsOf: repeatElement(value, count: shape.count))
        return slot
    }

    /// Starts the instructions of the next equation's forward step: nothing computed before is
    /// reused.
    mutating func beginEquation() {
        scope += 1
    }

    /// Starts the backward pass: everything the forward pass computed may be reused.
    mutating func beginBackward() {
        scope = ProgramBuilder.backwardScope
    }

    /// True when what was compiled in `other` may be reused now.
    private func sees(_ other: Int) -> Bool {
        other == scope || scope == ProgramBuilder.backwardScope
    }

    /// Appends an instruction that no later part may stand for (one adding into a gradient). A
    /// gradient's first term is added to 0, not to what the buffer holds, so that every run works
    /// out each number afresh and a buffer can run again, for another row, without being cleared.
    mutating func append(_ instruction: Instruction) {
        instructions.append(instruction)
    }

    /// The slot holding the scalar `value`, which the template fills.
    mutating func constant(_ value: Double) -> Slot {
        if let known = constants[value.bitPattern] { return known }
        let slot = allocate(.scalar, filledWith: value)
        constants[value.bitPattern] = slot
        return slot
    }

    /// Compiles `expression`, with its value in `destination` when one is given; `values` and
    /// `gradients` say where each name's value and gradient are. Its parts are compiled first,
    /// deepest first, from a list rather than by recursion, so that a chain of ten thousand
    /// additions needs no deeper stack than one.
    mutating func compile(
        _ expression: Expr, into destination: Slot? = nil, values: [String: Slot], gradients: [String: Slot]
    ) -> Slot {
        var pending: [(part: Expr, partsDone: Bool)] = [(expression, false)]
        while let (part, partsDone) = pending.popLast() {
            if partsDone {
                _ = compileOne(part, values: values, gradients: gradients)
            } else if known(part) == nil {
                pending.append((part, true))
                pending += part.children.reversed().map { ($0, false) }
            }
        }
        return compileOne(expression, into: destination, values: values, gradients: gradients)
    }

    /// The slot of a part compiled in a scope that may reuse it now.
    private func known(_ part: Expr) -> Slot? {
        parts[part].flatMap { sees($0.scope) ? $0.slot : nil }
    }

    /// Compiles `expression` whose parts are compiled already.
    private mutating func compileOne(
        _ expression: Expr, into destination: Slot? = nil, values: [String: Slot], gradients: [String: Slot]
    ) -> Slot {
        switch expression.kind {
        case .number, .name, .gradient, .index:
            // Found without computing anything: not worth remembering.
            return build(expression, into: destination, values: values, gradients: gradients)
        default:
            if let known = known(expression) { return place(known, destination) }
            let slot = build(expression, into: destination, values: values, gradients: gradients)
            parts[expression] = (slot, scope)
            return slot
        }
    }

    private mutating func build(_ expression: Expr, into destination: Slot?, values: [String: Slot], gradients: [String: Slot]) -> Slot {
        func part(_ e: Expr) -> Slot { compileOne(e, values: values, gradients: gradients) }
        switch expression.kind {
        case .number(let value):
            return place(constant(value), destination)
        case .name(let name):
            return place(values[name] ?? constant(.nan), destination)
        case .gradient(let name):
            return place(gradients[name] ?? constant(.nan), destination)
        case .negate(let a):
            return map(.negate, part(a), into: destination)
        case .binary(let op, let a, let b):
            let (left, right) = (part(a), part(b))
            guard let operation = BinaryOperation(op) else { return matmul(left, right, into: destination) }
            return zip(operation, left, right, into: destination)
        case .call(let function, let arguments):
            let slots = arguments.map(part)
            return call(function, slots, into: destination)
        case .vector(let entries):
            return gather(entries.map(part), .vector(entries.count), into: destination)
        case .matrix(let rows):
            return gather(rows.joined().map(part), .matrix(rows.count, rows.first?.count ?? 0), into: destination)
        case .index(let a, let indices):
            let base = part(a)
            let offset = base.shape.offset(of: indices)
            precondition(base.shape.count > offset && offset >= 0, "index \(indices) outside a \(base.shape)")
            return place(Slot(start: base.start + offset, shape: .scalar), destination)
        case .transpose(let a):
            let base = part(a)
            guard case .matrix(let rows, let columns) = base.shape else { return place(base, destination) }
            return emit(.transpose(base), .matrix(columns, rows), into: destination) {
                .transpose(a: base.start, result: $0, rows: rows, columns: columns)
            }
        case .outer(let a, let b):
            let (left, right) = (part(a), part(b))
            let (n, m) = (left.shape.count, right.shape.count)
            return emit(.outer(left, right), .matrix(n, m), into: destination) { .outer(a: left.start, b: right.start, result: $0, n: n, m: m) }
        case .broadcast(let a, let shape):
            return spread(part(a), over: shape, into: destination)
        case .sparse(let shape, let entries):
            var slots = Array(repeating: constant(0), count: shape.count)
            for entry in entries { slots[entry.offset] = part(entry.value) }
            return gather(slots, shape, into: destination)
        }
    }

    private mutating func call(_ function: Function, _ arguments: [Slot], into destination: Slot?) -> Slot {
        switch function.computation {
        case .unary(let operation):
            return map(operation, arguments[0], into: destination)
        case .binary(let operation):
            return zip(operation, arguments[0], arguments[1], into: destination)
        case .sum:
            let a = arguments[0]
            return emit(.sum(a), .scalar, into: destination) { .sum(a: a.start, result: $0, count: a.shape.count) }
        case .softmax, .logSoftmax:
            let logits = arguments.count == 1 ? arguments[0] : gather(arguments, .vector(arguments.count), into: nil)
            let count = logits.shape.count
            if function == .softmax {
                return emit(.softmax(logits), logits.shape, into: destination) { .softmax(a: logits.start, result: $0, count: count) }
            }
            return emit(.logSoftmax(logits), logits.shape, into: destination) { .logSoftmax(a: logits.start, result: $0, count: count) }
        case .crossEntropy:
            let (p, t) = (arguments[0], arguments[1])
            return emit(.crossEntropy(p, t), .scalar, into: destination) { .crossEntropy(p: p.start, t: t.start, result: $0, count: p.shape.count) }
        }
    }

    private mutating func map(_ operation: UnaryOperation, _ a: Slot, into destination: Slot?) -> Slot {
        emit(.map(operation, a), a.shape, into: destination) { .map(operation, a: a.start, result: $0, count: a.shape.count) }
    }

    private mutating func zip(_ operation: BinaryOperation, _ a: Slot, _ b: Slot, into destination: Slot?) -> Slot {
        guard let shape = ShapeChecker.entryWise(a.shape, b.shape) else { preconditionFailure("a \(a.shape) and a \(b.shape) entry by entry") }
        return emit(.zip(operation, a, b), shape, into: destination) {
            .zip(operation, a: a.start, aStep: a.shape == shape ? 1 : 0, b: b.start, bStep: b.shape == shape ? 1 : 0, result: $0, count: shape.count)
        }
    }

    private mutating func matmul(_ a: Slot, _ b: Slot, into destination: Slot?) -> Slot {
        guard let (m, n, p) = Tensor.productDimensions(a.shape, b.shape), let shape = Tensor.productShape(a.shape, b.shape) else {
            preconditionFailure("a \(a.shape) @ a \(b.shape)")
        }
        return emit(.matmul(a, b), shape, into: destination) { .matmul(a: a.start, b: b.start, result: $0, m: m, n: n, p: p) }
    }

    /// `a` spread over `shape`: a scalar repeated, anything else as it is.
    mutating func spread(_ a: Slot, over shape: Shape, into destination: Slot?) -> Slot {
        guard a.shape != shape else { return place(a, destination) }
        precondition(a.shape == .scalar, "a \(a.shape) spread over a \(shape)")
        return emit(.spread(a, shape), shape, into: destination) { .copy(a: a.start, step: 0, result: $0, count: shape.count) }
    }

    /// Scalars stacked into a vector or matrix of `shape`; written out once in the template when
    /// they are all constants.
    private mutating func gather(_ entries: [Slot], _ shape: Shape, into destination: Slot?) -> Slot {
        let starts = entries.map(\.start)
        if let known = known(.gather(starts, shape)) { return place(known, destination) }
        if destination == nil, entries.allSatisfy({ constants[template[$0.start].bitPattern] == $0 }) {
            let slot = allocate(shape)
            for (offset, start) in starts.enumerated() { template[slot.start + offset] = template[start] }
            operations[.gather(starts, shape)] = (slot, scope)
            return slot
        }
        let first = sources.count
        sources += starts
        return emit(.gather(starts, shape), shape, into: destination) { .gather(first: first, result: $0, count: shape.count) }
    }

    /// The value at `condition` exactly 1 chooses `a`, else `b`.
    mutating func choose(condition: Slot, _ a: Slot, _ b: Slot) -> Slot {
        emit(.choose(condition: condition.start, a, b), a.shape, into: nil) {
            .choose(condition: condition.start, a: a.start, b: b.start, result: $0, count: a.shape.count)
        }
    }

    /// The operation's result: where it already is, or in `destination` (or new room) by a new
    /// instruction made by `instruction` from where the result goes.
    private mutating func emit(_ operation: Operation, _ shape: Shape, into destination: Slot?, _ instruction: (Int) -> Instruction) -> Slot {
        if let known = known(operation) { return place(known, destination) }
        let slot = destination ?? allocate(shape)
        instructions.append(instruction(slot.start))
        operations[operation] = (slot, scope)
        return slot
    }

    private func known(_ operation: Operation) -> Slot? {
        operations[operation].flatMap { sees($0.scope) ? $0.slot : nil }
    }

    /// `value`, copied into `destination` when one is given.
    mutating func place(_ value: Slot, _ destination: Slot?) -> Slot {
        guard let destination, destination != value else { return value }
        instructions.append(.copy(a: value.start, step: 1, result: destination.start, count: destination.shape.count))
        return destination
    }
}
