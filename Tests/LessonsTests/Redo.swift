#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Redoes a written step the way a learner checks it by hand: each part with numbers only is
/// computed from the numbers as shown (σ, tanh, softplus, exp, log and sqrt as on a calculator) and must round to the
/// result shown, and a sum of path numbers must come from the paths' products one by one.
/// Independent of the engine: it reads nothing but the text.
enum Redo {
    /// What redoing the parts of one step (`formula = … = result`, without the target) found.
    struct Verdict {
        /// True when the step plugs numbers into a formula: a part with numbers before the result.
        let plugsInNumbers: Bool
        /// Each claim that does not hold, in words.
        let problems: [String]
    }

    /// Redoes `parts`, the step's parts after `target =` or `target ←`.
    static func check(_ parts: [String]) -> Verdict {
        var numeric: [(text: String, formula: WrittenFormula)] = []
        var problems: [String] = []
        for part in parts {
            do {
                numeric.append((part, try WrittenFormula(reading: part)))
            } catch .symbolic {
                continue
            } catch {
                problems.append("cannot read \(part): \(error)")
            }
        }
        guard let result = numeric.last, numeric.count > 1 else { return Verdict(plugsInNumbers: !problems.isEmpty, problems: problems) }
        guard let shown = result.formula.literal else {
            return Verdict(plugsInNumbers: true, problems: problems + ["the last part \(result.text) is not a number"])
        }
        for (index, part) in numeric.dropLast().enumerated() {
            problems += claim(part.formula, gives: shown, "\(part.text) = \(result.text)")
            let next = numeric[index + 1].formula
            let paths = next.terms.map(\.literal)
            guard paths.count > 1, !paths.contains(where: { $0 == nil }) else { continue }
            let products = part.formula.terms
            guard products.count == paths.count else {
                problems.append("\(part.text) has \(products.count) terms, \(numeric[index + 1].text) has \(paths.count)")
                continue
            }
            for (product, path) in zip(products, next.terms) {
                problems += claim(product, gives: path.literal ?? [], "a path of \(part.text) = \(numeric[index + 1].text)")
            }
        }
        return Verdict(plugsInNumbers: true, problems: problems)
    }

    /// The problems with the claim that `formula` rounds to `shown`, entry by entry, each at the
    /// decimals it is shown with; at an exact tie either neighbour counts.
    static func claim(_ formula: WrittenFormula, gives shown: [(value: Double, decimals: Int)], _ line: String) -> [String] {
        let redone: Value
        do {
            redone = try value(of: formula)
        } catch {
            return ["\(line): \(error.message)"]
        }
        guard redone.entries.count == shown.count else { return ["\(line): \(redone.entries.count) numbers, \(shown.count) shown"] }
        let wrong = zip(redone.entries, shown).filter { got, written in
            let half = 0.5 * pow(10, -Double(written.decimals))
            return !(abs(got - written.value) <= half * (1 + 1e-6))
        }
        return wrong.isEmpty ? [] : ["\(line): redone it gives \(redone.entries)"]
    }

    /// A value as a learner holds it: a scalar, or a matrix (a column `[a; b]` is n×1, a row
    /// `[a, b]` is 1×n).
    struct Value {
        var rows: Int
        var columns: Int
        var entries: [Double]
        var isScalar = false

        static func scalar(_ value: Double) -> Value { Value(rows: 1, columns: 1, entries: [value], isScalar: true) }

        func map(_ transform: (Double) -> Double) -> Value {
            Value(rows: rows, columns: columns, entries: entries.map(transform), isScalar: isScalar)
        }
    }

    /// Why a formula cannot be computed.
    struct Failure: Error {
        let message: String
    }

    static func value(of formula: WrittenFormula) throws(Failure) -> Value {
        switch formula {
        case .number(let value, _):
            return .scalar(value)
        case .negate(let inner):
            return try value(of: inner).map { -$0 }
        case .column(let entries):
            let values = try entries.map { entry throws(Failure) in try value(of: entry) }
            guard values.allSatisfy(\.isScalar) else { throw Failure(message: "a column of non-numbers") }
            return Value(rows: values.count, columns: 1, entries: values.map { $0.entries[0] })
        case .list(let entries):
            let values = try entries.map { entry throws(Failure) in try value(of: entry) }
            if values.allSatisfy(\.isScalar) { return Value(rows: 1, columns: values.count, entries: values.map { $0.entries[0] }) }
            guard let width = values.first?.columns, values.allSatisfy({ $0.rows == 1 && $0.columns == width }) else {
                throw Failure(message: "ragged matrix")
            }
            return Value(rows: values.count, columns: width, entries: values.flatMap(\.entries))
        case .transpose(let inner):
            let a = try value(of: inner)
            let entries = (0..<a.columns).flatMap { j in (0..<a.rows).map { i in a.entries[i * a.columns + j] } }
            return Value(rows: a.columns, columns: a.rows, entries: entries, isScalar: a.isScalar)
        case .binary(let op, let left, let right):
            return try binary(op, try value(of: left), try value(of: right))
        case .call(let function, let arguments):
            return try call(function, try arguments.map { argument throws(Failure) in try value(of: argument) })
        }
    }

    static func binary(_ op: WrittenFormula.Operator, _ a: Value, _ b: Value) throws(Failure) -> Value {
        switch op {
        case .add: return try entryWise(a, b, +)
        case .subtract: return try entryWise(a, b, -)
        case .entryWise: return try entryWise(a, b, *)
        case .divide: return try entryWise(a, b, /)
        case .power: return try entryWise(a, b) { pow($0, $1) }
        case .product:
            if a.isScalar || b.isScalar { return try entryWise(a, b, *) }
            // Two columns: the dot product, as the equation language's `@` of two vectors.
            if a.columns == 1, b.columns == 1, a.rows == b.rows {
                return .scalar(zip(a.entries, b.entries).reduce(0) { $0 + $1.0 * $1.1 })
            }
            guard a.columns == b.rows else { throw Failure(message: "cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)") }
            var entries: [Double] = []
            for i in 0..<a.rows {
                for j in 0..<b.columns {
                    entries.append((0..<a.columns).reduce(0) { $0 + a.entries[i * a.columns + $1] * b.entries[$1 * b.columns + j] })
                }
            }
            return entries.count == 1 ? .scalar(entries[0]) : Value(rows: a.rows, columns: b.columns, entries: entries)
        }
    }

    static func entryWise(_ a: Value, _ b: Value, _ combine: (Double, Double) -> Double) throws(Failure) -> Value {
        if a.isScalar { return b.map { combine(a.entries[0], $0) } }
        if b.isScalar { return a.map { combine($0, b.entries[0]) } }
        guard a.rows == b.rows, a.columns == b.columns else { throw Failure(message: "shapes differ entry by entry") }
        return Value(rows: a.rows, columns: a.columns, entries: zip(a.entries, b.entries).map(combine))
    }

    static func call(_ function: String, _ arguments: [Value]) throws(Failure) -> Value {
        guard let first = arguments.first else { throw Failure(message: "\(function) of nothing") }
        switch function {
        case "sigmoid": return first.map { 1 / (1 + exp(-$0)) }
        case "tanh": return first.map { tanh($0) }
        case "relu": return first.map { $0 > 0 ? $0 : 0 }
        case "softplus": return first.map { log(1 + exp($0)) }
        case "exp": return first.map { exp($0) }
        case "log": return first.map { log($0) }
        case "sqrt": return first.map { sqrt($0) }
        case "abs": return first.map { fabs($0) }
        case "step": return first.map { $0 > 0 ? 1 : 0 }
        case "sign": return first.map { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
        case "max", "min":
            guard arguments.count == 2 else { throw Failure(message: "\(function) takes a and b") }
            return try entryWise(first, arguments[1]) { a, b in (a > b) == (function == "max") ? a : b }
        case "sum": return .scalar(first.entries.reduce(0, +))
        case "softmax", "logsoftmax":
            let logits = arguments.count == 1 ? first.entries : arguments.map { $0.entries[0] }
            let exponentials = logits.map { exp($0) }
            let total = exponentials.reduce(0, +)
            let probabilities = exponentials.map { $0 / total }
            return Value(rows: logits.count, columns: 1, entries: function == "softmax" ? probabilities : probabilities.map { log($0) })
        case "crossentropy":
            guard arguments.count == 2 else { throw Failure(message: "crossentropy takes p and t") }
            return .scalar(-zip(first.entries, arguments[1].entries).reduce(0) { $0 + ($1.1 == 0 ? 0 : $1.1 * log($1.0)) })
        default:
            throw Failure(message: "unknown function \(function)")
        }
    }
}
