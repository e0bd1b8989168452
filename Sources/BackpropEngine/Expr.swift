/// An operator between two expressions.
public enum BinaryOperator: String, Sendable, CaseIterable {
    /// `+`, entry by entry.
    case add = "+"
    /// `-`, entry by entry.
    case subtract = "-"
    /// `*`, entry by entry (a scalar broadcasts).
    case multiply = "*"
    /// `/`, entry by entry.
    case divide = "/"
    /// `^`, entry by entry.
    case power = "^"
    /// `@`, the matrix product.
    case matmul = "@"
}

/// A function a model may call.
public enum Function: String, Sendable, CaseIterable {
    /// σ(a) = 1 / (1 + e^−a), entry by entry.
    case sigmoid
    /// tanh(a) = (e^a − e^−a) / (e^a + e^−a), entry by entry.
    case tanh
    /// relu(a) = max(a, 0), entry by entry.
    case relu
    /// softplus(a) = log(1 + e^a), a smooth relu, entry by entry.
    case softplus
    /// e^a, entry by entry.
    case exp
    /// The natural logarithm, entry by entry.
    case log
    /// The square root, entry by entry; of a negative number it is an error.
    case sqrt
    /// |a|, entry by entry.
    case abs
    /// step(a) = 1 where a > 0, else 0, entry by entry: the derivative of relu.
    case step
    /// sign(a) = 1 where a > 0, −1 where a < 0, 0 at 0, entry by entry: the derivative of abs.
    case sign
    /// The larger of a and b, entry by entry (a scalar broadcasts).
    case max
    /// The smaller of a and b, entry by entry (a scalar broadcasts).
    case min
    /// softmax of a vector, or of several scalars stacked into a vector.
    case softmax
    /// The sum of all entries.
    case sum
    /// crossentropy(p, t) = −Σ t·log p.
    case crossentropy
    /// log softmax(o) = o − log Σ e^o, computed without forming the probabilities (derived
    /// expressions only: the engine computes a cross-entropy of a softmax with it).
    case logsoftmax

    /// The functions a model may call.
    public static let callable = allCases.filter { $0 != .logsoftmax }

    /// True for a function applied entry by entry, whose result has its arguments' shape.
    var isEntryWise: Bool {
        switch self {
        case .sigmoid, .tanh, .relu, .softplus, .exp, .log, .sqrt, .abs, .step, .sign, .max, .min: true
        case .softmax, .sum, .crossentropy, .logsoftmax: false
        }
    }
}

/// An expression of the equation language, or one the engine derives from it (a gradient).
///
/// An expression is an immutable tree whose parts are shared, not copied: a derived gradient that
/// reuses an operand of its equation holds that very operand. Walks that meet a shared part more
/// than once (simplifying, finding shapes, compiling) remember it by its `identity`, so their cost
/// follows the number of distinct parts, not the size of the tree written out.
public struct Expr: Hashable, Sendable {
    /// What the expression is.
    public enum Kind: Hashable, Sendable {
        /// A number.
        case number(Double)
        /// A named value of the model.
        case name(String)
        /// ∂loss/∂name, the gradient of the loss with respect to a named value.
        case gradient(String)
        /// −a.
        case negate(Expr)
        /// a ∘ b.
        case binary(BinaryOperator, Expr, Expr)
        /// f(a, …).
        case call(Function, [Expr])
        /// A vector written out entry by entry: `[a, b]`.
        case vector([Expr])
        /// A matrix written out row by row: `[[a, b], [c, d]]`.
        case matrix([[Expr]])
        /// An entry, 1-based: `p[1]`, `W[1, 2]`.
        case index(Expr, [Int])
        /// Aᵀ (derived expressions only).
        case transpose(Expr)
        /// a·bᵀ of two vectors (derived expressions only).
        case outer(Expr, Expr)
        /// A scalar spread over every entry of a shape (derived expressions only).
        case broadcast(Expr, Shape)
        /// A vector or matrix of zeros but for the entries given, in order of position (derived
        /// expressions only): the gradient of a value read entry by entry, `[0; ∂L/∂q]` for `q[2]`.
        case sparse(Shape, [SparseEntry])
    }

    /// An entry of a `sparse` expression.
    public struct SparseEntry: Hashable, Sendable {
        /// Its 0-based position, row by row.
        public let offset: Int
        /// Its value, a scalar.
        public let value: Expr
    }

    /// The shared, immutable part an expression is a handle to.
    private final class Node: Sendable {
        let kind: Kind
        let location: SourceLocation?

        init(_ kind: Kind, _ location: SourceLocation?) {
            self.kind = kind
            self.location = location
        }
    }

    private let node: Node

    /// What the expression is.
    public var kind: Kind { node.kind }
    /// Where it was written, for expressions parsed from text.
    public var location: SourceLocation? { node.location }

    /// An expression of `kind` found at `location`.
    public init(_ kind: Kind, at location: SourceLocation? = nil) {
        node = Node(kind, location)
    }

    /// This very part of a tree: equal for copies of one expression, different for two
    /// expressions built apart even when they read the same. A table keyed by it must hold the
    /// expression too, so that the part is not freed and its identity reused.
    var identity: ObjectIdentifier { ObjectIdentifier(node) }

    /// Expressions are equal when they mean the same; where they were written does not count.
    public static func == (left: Expr, right: Expr) -> Bool {
        left.node === right.node || (left.form == right.form && left.kind == right.kind)
    }

    /// Which case of `Kind` the expression is, found without copying its parts: expressions of
    /// two cases never mean the same, which tells most of them apart at once.
    private var form: Int {
        switch node.kind {
        case .number: 0
        case .name: 1
        case .gradient: 2
        case .negate: 3
        case .binary: 4
        case .call: 5
        case .vector: 6
        case .matrix: 7
        case .index: 8
        case .transpose: 9
        case .outer: 10
        case .broadcast: 11
        case .sparse: 12
        }
    }

    /// Hashes what the expression means, as `==` compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
    }

    /// A number.
    public static func number(_ value: Double) -> Expr { Expr(.number(value)) }
    /// A named value.
    public static func name(_ name: String) -> Expr { Expr(.name(name)) }
    /// ∂loss/∂name.
    public static func gradient(_ name: String) -> Expr { Expr(.gradient(name)) }

    /// The names this expression reads, in the order they first appear.
    public var names: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        visit { if case .name(let name) = $0.kind, seen.insert(name).inserted { names.append(name) } }
        return names
    }

    /// The direct subexpressions.
    public var children: [Expr] {
        var children: [Expr] = []
        forEachChild { children.append($0) }
        return children
    }

    /// Calls `body` on each direct subexpression in order, without gathering them into an array.
    func forEachChild(_ body: (Expr) throws -> Void) rethrows {
        switch kind {
        case .number, .name, .gradient: break
        case .negate(let a), .transpose(let a), .index(let a, _), .broadcast(let a, _): try body(a)
        case .binary(_, let a, let b), .outer(let a, let b):
            try body(a)
            try body(b)
        case .call(_, let arguments), .vector(let arguments): try arguments.forEach(body)
        case .matrix(let rows): try rows.forEach { try $0.forEach(body) }
        case .sparse(_, let entries): try entries.forEach { try body($0.value) }
        }
    }

    /// Calls `body` on this expression and every subexpression, parents first.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        forEachChild { $0.visit(body) }
    }
}

extension Expr {
    static func + (a: Expr, b: Expr) -> Expr { Expr(.binary(.add, a, b)) }
    static func - (a: Expr, b: Expr) -> Expr { Expr(.binary(.subtract, a, b)) }
    static func * (a: Expr, b: Expr) -> Expr { Expr(.binary(.multiply, a, b)) }
    static func / (a: Expr, b: Expr) -> Expr { Expr(.binary(.divide, a, b)) }
    static prefix func - (a: Expr) -> Expr { Expr(.negate(a)) }
}

extension Expr {
    /// The expression with each part for which `replacement` gives an expression replaced by
    /// it; a part with nothing replaced in it stays the very same part.
    func replacing(_ replacement: (Expr) -> Expr?) -> Expr {
        if let replaced = replacement(self) { return replaced }
        func rebuilt(_ parts: [Expr], _ make: ([Expr]) -> Kind) -> Expr {
            let new = parts.map { $0.replacing(replacement) }
            guard zip(parts, new).contains(where: { $0.identity != $1.identity }) else { return self }
            return Expr(make(new), at: location)
        }
        switch kind {
        case .number, .name, .gradient:
            return self
        case .negate(let a):
            return rebuilt([a]) { .negate($0[0]) }
        case .binary(let op, let a, let b):
            return rebuilt([a, b]) { .binary(op, $0[0], $0[1]) }
        case .call(let function, let arguments):
            return rebuilt(arguments) { .call(function, $0) }
        case .vector(let entries):
            return rebuilt(entries) { .vector($0) }
        case .matrix(let rows):
            return rebuilt(Array(rows.joined())) { entries in
                var rest = entries[...]
                return .matrix(rows.map { row in
                    defer { rest = rest.dropFirst(row.count) }
                    return Array(rest.prefix(row.count))
                })
            }
        case .index(let a, let indices):
            return rebuilt([a]) { .index($0[0], indices) }
        case .transpose(let a):
            return rebuilt([a]) { .transpose($0[0]) }
        case .outer(let a, let b):
            return rebuilt([a, b]) { .outer($0[0], $0[1]) }
        case .broadcast(let a, let shape):
            return rebuilt([a]) { .broadcast($0[0], shape) }
        case .sparse(let shape, let entries):
            return rebuilt(entries.map(\.value)) { values in .sparse(shape, zip(entries, values).map { SparseEntry(offset: $0.offset, value: $1) }) }
        }
    }
}
