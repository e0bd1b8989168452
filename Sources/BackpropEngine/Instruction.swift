/// One step of a compiled `Program`: an operation on runs of numbers in the program's buffer,
/// each operand and result given by where it starts. A step of 0 reads one number for every entry:
/// a scalar spread over a vector or matrix.
enum Instruction: Sendable {
    /// `result[i] = op(a[i])`.
    case map(UnaryOperation, a: Int, result: Int, count: Int)
    /// `result[i] = op(a[i · aStep], b[i · bStep])`; the result may be `a` itself (adding up a gradient).
    case zip(BinaryOperation, a: Int, aStep: Int, b: Int, bStep: Int, result: Int, count: Int)
    /// The m×p product of an m×n and an n×p matrix.
    case matmul(a: Int, b: Int, result: Int, m: Int, n: Int, p: Int)
    /// The transpose of a rows×columns matrix.
    case transpose(a: Int, result: Int, rows: Int, columns: Int)
    /// The outer product of an n-vector and an m-vector.
    case outer(a: Int, b: Int, result: Int, n: Int, m: Int)
    /// The sum of `count` entries.
    case sum(a: Int, result: Int, count: Int)
    /// softmax of `count` logits.
    case softmax(a: Int, result: Int, count: Int)
    /// log softmax of `count` logits.
    case logSoftmax(a: Int, result: Int, count: Int)
    /// −Σ t·log p over `count` entries.
    case crossEntropy(p: Int, t: Int, result: Int, count: Int)
    /// `result[i] = a[i · step]`: a copy, or a scalar spread.
    case copy(a: Int, step: Int, result: Int, count: Int)
    /// `result[i]` = the number where `sources[first + i]` points: scalars stacked into a vector
    /// or matrix.
    case gather(first: Int, result: Int, count: Int)
    /// `result = a` when the number at `condition` is exactly 1, else `b`.
    case choose(condition: Int, a: Int, b: Int, result: Int, count: Int)
}

extension Instruction {
    /// Runs `instructions` in `buffer`, one after another; a `gather` reads its numbers where
    /// `sources` points.
    static func run(
        _ instructions: UnsafeBufferPointer<Instruction>, sources: UnsafeBufferPointer<Int>, in buffer: UnsafeMutablePointer<Double>
    ) throws(DomainError) {
        let b = buffer
        for instruction in instructions {
            switch instruction {
            case .map(let op, let a, let result, let count):
                try Kernel.map(op, b + a, into: b + result, count: count)
            case .zip(let op, let a, let aStep, let right, let bStep, let result, let count):
                Kernel.zip(op, b + a, step: aStep, b + right, step: bStep, into: b + result, count: count)
            case .matmul(let a, let right, let result, let m, let n, let p):
                Kernel.matmul(b + a, b + right, into: b + result, m: m, n: n, p: p)
            case .transpose(let a, let result, let rows, let columns):
                Kernel.transpose(b + a, into: b + result, rows: rows, columns: columns)
            case .outer(let a, let right, let result, let n, let m):
                Kernel.outer(b + a, b + right, into: b + result, n: n, m: m)
            case .sum(let a, let result, let count):
                b[result] = Kernel.sum(b + a, count: count)
            case .softmax(let a, let result, let count):
                Kernel.softmax(b + a, into: b + result, count: count)
            case .logSoftmax(let a, let result, let count):
                Kernel.logSoftmax(b + a, into: b + result, count: count)
            case .crossEntropy(let p, let t, let result, let count):
                b[result] = Kernel.crossEntropy(b + p, b + t, count: count)
            case .copy(let a, let step, let result, let count):
                for i in 0..<count { b[result + i] = b[a + i * step] }
            case .gather(let first, let result, let count):
                for i in 0..<count { b[result + i] = b[sources[first + i]] }
            case .choose(let condition, let a, let right, let result, let count):
                let chosen = b[condition] == 1 ? a : right
                for i in 0..<count { b[result + i] = b[chosen + i] }
            }
        }
    }
}
