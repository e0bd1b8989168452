/// How large an expression may be: far beyond any teaching model, and small enough that every
/// recursive walk over an expression (checking shapes, evaluating, differentiating, tidying,
/// writing) stays well within the stack and takes milliseconds.
///
/// A flat chain such as `w + w + … + w` is a tree as deep as it is long: each operator of the
/// chain is one level. The limits hold for every expression the tutor reads (equations, starting
/// values, `answer:` lines, `--set` values, what a learner types) and for every gradient it derives.
public enum ExpressionLimits {
    /// At most this many parts other than numbers (names, operations, calls, vector and matrix
    /// literals).
    public static let parts = 1_000
    /// At most this many numbers in one expression: a 300×300 matrix of starting values.
    public static let numbers = 90_000
    /// At most this many levels: operators in a chain, calls, brackets and parentheses inside
    /// each other.
    public static let levels = 200
    /// At most this many parts other than numbers in a whole model: its equations and every
    /// gradient derived from them.
    public static let modelParts = 10_000
    /// At most this many statements in a model.
    public static let statements = 100
}

extension Expr {
    /// How many parts the expression has and how many levels deep it is, or nil when it has more
    /// than `maximumParts` parts or more than `maximumLevels` levels. It is measured without
    /// recursion, and stops as soon as it passes a limit, so it is safe and quick on any tree.
    func extent(maximumParts: Int = ExpressionLimits.parts, maximumLevels: Int = ExpressionLimits.levels) -> (parts: Int, levels: Int)? {
        var pending: [(Expr, level: Int)] = [(self, 1)]
        var parts = 0, levels = 0
        while let (expression, level) = pending.popLast() {
            parts += 1
            levels = max(levels, level)
            guard parts <= maximumParts, levels <= maximumLevels else { return nil }
            expression.forEachChild { pending.append(($0, level + 1)) }
        }
        return (parts, levels)
    }
}
