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
